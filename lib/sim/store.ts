import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SimState } from "./state";

const fileName = "state.json";

/**
 * Persists the state as one JSON file in the data dir. Writes are debounced (many mutations in a
 * burst make one write) and atomic (temp file + rename), so a crash never leaves a torn file.
 */
export class StateStore {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  /** How long the last serialisation blocked the event loop. */
  private lastWriteMs = 0;

  constructor(
    readonly dataDir: string,
    private readonly getState: () => SimState,
    private readonly delayMs = 250,
    private readonly onError: (error: unknown) => void = (error) => console.error(error),
  ) {}

  get filePath(): string {
    return path.join(this.dataDir, fileName);
  }

  /** The saved state, or null when there is none or it cannot be used (then the caller re-seeds). */
  load(): SimState | null {
    let text: string;
    try {
      text = readFileSync(this.filePath, "utf8");
    } catch {
      return null;
    }
    try {
      const parsed = JSON.parse(text) as Partial<SimState> | null;
      if (parsed?.version !== 1 || typeof parsed.projects !== "object") return null;
      return { ...parsed, tokens: parsed.tokens ?? {} } as SimState;
    } catch {
      return null;
    }
  }

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    // Serialising blocks the event loop (about a second for the large data set), so writes are
    // spaced to keep that under a fifth of the time.
    const delay = Math.max(this.delayMs, this.lastWriteMs * 4);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.writeNow();
    }, delay);
  }

  /** Writes pending changes now and waits for every write in flight. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dirty) await this.writeNow();
    await this.writing;
  }

  /** Synchronous save, for process exit paths where awaiting is not possible. */
  saveSync(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.filePath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.getState()));
    renameSync(tmp, this.filePath);
  }

  private writeNow(): Promise<void> {
    // Chain the writes so that two never race on the temp file.
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const started = performance.now();
      const text = JSON.stringify(this.getState());
      this.lastWriteMs = performance.now() - started;
      const tmp = `${this.filePath}.${process.pid}.tmp`;
      try {
        await mkdir(this.dataDir, { recursive: true });
        await writeFile(tmp, text);
        await rename(tmp, this.filePath);
      } catch (error) {
        this.dirty = true;
        this.onError(error);
      }
    });
    return this.writing;
  }
}
