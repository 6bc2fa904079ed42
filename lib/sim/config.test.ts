import path from "node:path";
import { describe, expect, it } from "vitest";
import { SimClock, Ticker } from "./clock";
import { defaultDurations, loadConfig } from "./config";

describe("loadConfig", () => {
  it("has the documented defaults", () => {
    const c = loadConfig({}, []);
    expect(c).toMatchObject({
      host: "127.0.0.1",
      port: 4010,
      reset: false,
      scale: "normal",
      faults: [],
    });
    expect(c.dataDir).toBe(path.resolve(".data/sim"));
    expect(c.durations).toEqual(defaultDurations);
    expect(defaultDurations).toEqual({
      protectMs: 20_000,
      restoreMs: 15_000,
      deleteMs: 5_000,
      tickMs: 1_000,
    });
  });

  it("reads every variable, and --reset", () => {
    const c = loadConfig(
      {
        SIM_PORT: "0",
        SIM_DATA_DIR: "/tmp/x",
        SIM_RESET: "1",
        SIM_SCALE: "large",
        SIM_PROTECT_MS: "100",
        SIM_RESTORE_MS: "200",
        SIM_DELETE_MS: "300",
        SIM_TICK_MS: "50",
        SIM_FAULTS: '[{"path":"/x","status":500}]',
        OTHER: "ignored",
      },
      [],
    );
    expect(c).toMatchObject({ port: 0, dataDir: "/tmp/x", reset: true, scale: "large" });
    expect(c.durations).toEqual({ protectMs: 100, restoreMs: 200, deleteMs: 300, tickMs: 50 });
    expect(c.faults).toEqual([{ path: "/x", status: 500 }]);
    expect(loadConfig({}, ["--reset"]).reset).toBe(true);
    expect(loadConfig({ SIM_PORT: "" }, []).port).toBe(4010);
  });

  it("refuses invalid values, naming the variable", () => {
    expect(() => loadConfig({ SIM_PORT: "70000" }, [])).toThrow(/SIM_PORT/);
    expect(() => loadConfig({ SIM_TICK_MS: "0" }, [])).toThrow(/SIM_TICK_MS/);
    expect(() => loadConfig({ SIM_SCALE: "huge" }, [])).toThrow(/SIM_SCALE/);
    expect(() => loadConfig({ SIM_FAULTS: "[" }, [])).toThrow(/SIM_FAULTS/);
  });
});

describe("clock and ticker", () => {
  it("offsets the clock and runs every handler even when one throws", () => {
    const clock = new SimClock();
    clock.advance(60_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(59_000);
    const errors: string[] = [];
    const seen: Date[] = [];
    const ticker = new Ticker(clock, (name) => errors.push(name));
    ticker.register("bad", () => {
      throw new Error("x");
    });
    ticker.register("good", (now) => seen.push(now));
    ticker.runOnce();
    expect(errors).toEqual(["bad"]);
    expect(seen).toHaveLength(1);
    expect((seen[0]?.getTime() ?? 0) - Date.now()).toBeGreaterThan(59_000);
  });
});
