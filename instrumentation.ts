// Runs once when the server starts, before it serves (Next's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installSocketAddressStamp } = await import("@/lib/server/socket-address");
  installSocketAddressStamp();
  const { installDrain } = await import("@/lib/server/drain");
  installDrain();
}
