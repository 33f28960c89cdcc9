// A real caretoolkit server for one test file: a fresh database in a temporary folder, a team key
// made with `caretoolkit admin create-team-key` before start, and `caretoolkit serve` on a free
// loopback port, whose address is read from the line it prints when it is ready.
//
// The build folder is CARETOOLKIT_BUILD_DIR (default: build/ at the top of the repository).

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const buildDir = path.resolve(sourceDir, process.env.CARETOOLKIT_BUILD_DIR || "build");
const binary = path.join(buildDir, "caretoolkit");

const READY = /caretoolkit is serving on (http:\/\/127\.0\.0\.1:\d+\/)/;
const START_TIMEOUT_MS = 15000;

export class ToolkitServer {
  // Starts the server; resolves once it is accepting connections.
  static async start() {
    if (!existsSync(binary)) {
      throw new Error(
        `${binary} does not exist: ` +
          "build the caretoolkit target first (or set CARETOOLKIT_BUILD_DIR)",
      );
    }
    const server = new ToolkitServer();
    server.folder = mkdtempSync(path.join(tmpdir(), "caretoolkit-browser-"));
    server.database = path.join(server.folder, "toolkit.db");
    server.teamKey = execFileSync(
      binary,
      ["admin", "create-team-key", "--db", server.database, "--label", "browser tests"],
      {
        encoding: "utf8",
      },
    ).trim();
    await server.#spawn();
    return server;
  }

  async #spawn() {
    this.process = spawn(
      binary,
      [
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--db",
        this.database,
        "--content",
        path.join(sourceDir, "toolkit-content"),
        "--rules",
        path.join(sourceDir, "rules"),
        "--quiet",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    this.url = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const read = (chunk) => {
        output += chunk;
        const match = READY.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      this.process.stdout.setEncoding("utf8").on("data", read);
      this.process.stderr.setEncoding("utf8").on("data", read);
      this.process.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code} before it was ready:\n${output}`));
      });
    });
  }

  // The server's address for a path: server.at("/checker").
  at(pathname) {
    return new URL(pathname, this.url).href;
  }

  // Calls the API directly (to set up data as an office system would), resolving to the JSON.
  async api(pathname, { method = "GET", key, json } = {}) {
    const headers = { Accept: "application/json" };
    if (key) headers.Authorization = `Bearer ${key}`;
    if (json !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(this.at(pathname), {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  // A new member provider and its key, made through the API with the team key.
  async createProvider(name) {
    const created = await this.api("/api/v1/providers", {
      method: "POST",
      key: this.teamKey,
      json: { name },
    });
    return { id: created.provider.id, key: created.key.key };
  }

  async stop() {
    if (this.process && this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once("exit", resolve));
      this.process.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (this.process.exitCode === null) this.process.kill("SIGKILL");
    }
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }
}

// Where screenshots go: <build>/browser-screenshots/.
export function screenshotDir() {
  const dir = path.join(buildDir, "browser-screenshots");
  mkdirSync(dir, { recursive: true });
  return dir;
}
