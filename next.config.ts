import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads a WebAssembly build of PostgreSQL from its own package folder, and
  // playwright-core spawns Chromium: both must be required at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "playwright-core"],
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md into the project.
  agentRules: false,
  experimental: { agentUpgrade: false, authInterrupts: true },
  reactStrictMode: true,
};

export default nextConfig;
