import { type ChildProcess, execFile, spawn } from "node:child_process";
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { freePort, stopChild } from "./redis";

/**
 * Test harness: a real OpenStack Keystone (Debian's `python3-keystone`) on loopback with a SQLite
 * database in a temporary folder (shared/reference/keystone-local.md), set up like a cloud
 * account: a domain with two projects, a user with a role on both (and on the domain, as Huawei
 * IAM lets every user take a domain-scoped token), a read-only user on one project only, and a
 * service catalog that points CSBS/CBR/ECS/EVS at a given base URL (the simulator's).
 */
export type KeystoneAccount = {
  domain: string;
  user: string;
  password: string;
  projects: { id: string; name: string }[];
};

export type TestKeystone = {
  /** Identity v3 base, e.g. http://127.0.0.1:PORT/v3 (what CLOUD_IAM_ENDPOINT takes). */
  url: string;
  pid: number;
  /** Seconds a token lives ([token] expiration). */
  tokenLifetimeS: number;
  account: KeystoneAccount;
  /** A user of the same domain whose only role is `reader` on the first project. */
  reader: { user: string; password: string };
  stop(): Promise<void>;
};

export type StartKeystoneOptions = {
  /** Base URL of the services: the catalog gets `{base}/csbs/v1/$(project_id)s` etc. */
  servicesBaseUrl: string;
  tokenLifetimeS?: number;
  timeoutMs?: number;
};

const exec = promisify(execFile);
const BIN_DIRS = ["/usr/bin", "/usr/local/bin"];

function findBin(name: string): string | null {
  for (const dir of BIN_DIRS) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // next
    }
  }
  return null;
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").slice(-3000);
  } catch {
    return "";
  }
}

/** keystone-wsgi-public and keystone-manage, or null when Keystone is not installed. */
export function keystonePaths(): { wsgi: string; manage: string } | null {
  const wsgi = findBin("keystone-wsgi-public");
  const manage = findBin("keystone-manage");
  return wsgi && manage ? { wsgi, manage } : null;
}

const BOOTSTRAP_PASSWORD = "Bootstrap@2026";

/** Service types of the console's catalog look-up (lib/cloud/endpoints.ts), as Huawei names them. */
const SERVICES = [
  { type: "data-protect", name: "csbs", path: "/csbs/v1/$(project_id)s" },
  { type: "cbr", name: "cbr", path: "/cbr/v3/$(project_id)s" },
  { type: "compute", name: "ecs", path: "/ecs/v2.1/$(project_id)s" },
  { type: "volumev2", name: "evs", path: "/evs/v2/$(project_id)s" },
];

type Api = (method: string, route: string, body?: unknown) => Promise<Record<string, unknown>>;

/** Admin calls with the bootstrap user; its token is renewed after a few seconds (tests make tokens short). */
function adminApi(url: string): Api {
  let cached: { token: string; at: number } | undefined;
  async function token(): Promise<string> {
    if (cached && Date.now() - cached.at < 3_000) return cached.token;
    const res = await fetch(`${url}/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ["password"],
            password: {
              user: { name: "admin", password: BOOTSTRAP_PASSWORD, domain: { id: "default" } },
            },
          },
          scope: { system: { all: true } },
        },
      }),
    });
    const subject = res.headers.get("x-subject-token");
    if (res.status !== 201 || !subject) {
      throw new Error(`keystone: bootstrap admin sign-in failed (${res.status})`);
    }
    cached = { token: subject, at: Date.now() };
    return subject;
  }
  return async (method, route, body) => {
    const reply = await fetch(`${url}${route}`, {
      method,
      headers: { "content-type": "application/json", "x-auth-token": await token() },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (reply.status >= 300) {
      throw new Error(`keystone: ${method} ${route} → ${reply.status} ${await reply.text()}`);
    }
    return reply.status === 204 ? {} : ((await reply.json()) as Record<string, unknown>);
  };
}

const idOf = (reply: Record<string, unknown>, kind: string) => (reply[kind] as { id: string }).id;

async function provision(url: string, servicesBaseUrl: string) {
  const api = adminApi(url);
  const account: KeystoneAccount = {
    domain: "demo",
    user: "admin",
    password: "Demo@2026",
    projects: [],
  };
  const domainId = idOf(
    await api("POST", "/domains", { domain: { name: account.domain } }),
    "domain",
  );
  for (const name of ["eu-west-0", "cn-north-4"]) {
    const reply = await api("POST", "/projects", { project: { name, domain_id: domainId } });
    account.projects.push({ id: idOf(reply, "project"), name });
  }
  const newUser = async (name: string, password: string) =>
    idOf(await api("POST", "/users", { user: { name, password, domain_id: domainId } }), "user");
  const userId = await newUser(account.user, account.password);
  const reader = { user: "auditor", password: "Audit@2026" };
  const readerId = await newUser(reader.user, reader.password);

  const roles = (await api("GET", "/roles")).roles as { id: string; name: string }[];
  const role = (name: string) => {
    const found = roles.find((r) => r.name === name);
    if (!found) throw new Error(`keystone: no role ${name}`);
    return found.id;
  };
  for (const project of account.projects) {
    await api("PUT", `/projects/${project.id}/users/${userId}/roles/${role("member")}`);
  }
  await api("PUT", `/domains/${domainId}/users/${userId}/roles/${role("member")}`);
  const first = account.projects[0]?.id ?? "";
  await api("PUT", `/projects/${first}/users/${readerId}/roles/${role("reader")}`);

  const base = servicesBaseUrl.replace(/\/+$/, "");
  for (const service of SERVICES) {
    const reply = await api("POST", "/services", {
      service: { type: service.type, name: service.name, enabled: true },
    });
    await api("POST", "/endpoints", {
      endpoint: {
        service_id: idOf(reply, "service"),
        interface: "public",
        region_id: "RegionOne",
        url: `${base}${service.path}`,
      },
    });
  }
  return { account, reader };
}

async function waitReady(url: string, child: ChildProcess, deadline: number, log: () => string) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`keystone exited early:\n${log()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`keystone did not become ready:\n${log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Creates the configuration and database, bootstraps, starts keystone-wsgi-public on a free
 * loopback port, waits until it answers, and provisions the account. Setup takes 30 s on an
 * idle machine and up to a few minutes on a loaded one.
 */
export async function startTestKeystone(options: StartKeystoneOptions): Promise<TestKeystone> {
  const bins = keystonePaths();
  if (!bins) throw new Error("Keystone is not installed (apt-get install python3-keystone)");
  const tokenLifetimeS = options.tokenLifetimeS ?? 3600;
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  const dir = mkdtempSync(path.join(tmpdir(), "keystone-test-"));
  const config = path.join(dir, "keystone.conf");
  mkdirSync(path.join(dir, "fernet-keys"));
  mkdirSync(path.join(dir, "credential-keys"));
  writeFileSync(
    config,
    [
      "[DEFAULT]",
      `log_file = ${path.join(dir, "keystone.log")}`,
      // bcrypt's minimum cost: every sign-in checks a password, and a test signs in many times.
      "[identity]",
      "password_hash_rounds = 4",
      "[database]",
      `connection = sqlite:///${path.join(dir, "keystone.db")}`,
      "[token]",
      "provider = fernet",
      `expiration = ${tokenLifetimeS}`,
      "[fernet_tokens]",
      `key_repository = ${path.join(dir, "fernet-keys")}`,
      "[credential]",
      `key_repository = ${path.join(dir, "credential-keys")}`,
      "",
    ].join("\n"),
  );

  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child) await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/v3`;
    const manage = (...args: string[]) =>
      exec(bins.manage, ["--config-file", config, ...args], { timeout: 120_000 });
    // The key repositories belong to whoever runs the tests (root on CI machines, not always).
    const group = (await exec("id", ["-gn"])).stdout.trim();
    const owner = ["--keystone-user", userInfo().username, "--keystone-group", group];
    await manage("db_sync");
    await manage("fernet_setup", ...owner);
    await manage("credential_setup", ...owner);
    await manage(
      "bootstrap",
      "--bootstrap-password",
      BOOTSTRAP_PASSWORD,
      "--bootstrap-public-url",
      url,
      "--bootstrap-region-id",
      "RegionOne",
    );

    // Keystone leaves a read transaction open between some requests; in SQLite's default journal
    // mode that blocks every later write ("database is locked", a 500 after 5 s). WAL lets readers
    // and the writer proceed together; the mode is stored in the file.
    const db = new Database(path.join(dir, "keystone.db"));
    db.pragma("journal_mode = WAL");
    db.close();

    let output = "";
    child = spawn(bins.wsgi, ["--host", "127.0.0.1", "--port", String(port)], {
      env: { ...process.env, OS_KEYSTONE_CONFIG_FILES: config },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    await waitReady(url, child, deadline, () => output);

    const { account, reader } = await provision(url, options.servicesBaseUrl);
    return { url, pid: child.pid ?? 0, tokenLifetimeS, account, reader, stop };
  } catch (error) {
    const log = tail(path.join(dir, "keystone.log"));
    await stop();
    throw log ? new Error(`${(error as Error).message}\nkeystone.log:\n${log}`) : error;
  }
}
