import { loadConfig } from "./config";
import { createSim } from "./server";

// `npm run sim`: the simulated cloud alone. Prints exactly one line with its base URL once it
// accepts requests (scripts/start.mjs waits for that URL).
async function main(): Promise<void> {
  const config = loadConfig();
  const sim = createSim(config);
  const url = await sim.listen();
  console.log(`Simulated cloud listening on ${url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await sim.close();
      process.exit(0);
    } catch (error) {
      console.error("Simulator shutdown failed", error);
      process.exit(1);
    }
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
