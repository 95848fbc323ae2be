// The shared build of every @ops package (tsup.shared.ts at the repository root), with papaparse
// bundled into dist: it ships only a UMD "main" (no "module" or "exports"), which platform-neutral
// bundlers (edge runtimes, `esbuild --platform=neutral`) cannot resolve. Its Node-stream path
// (`require("stream")` inside a streamer @ops/ingest never uses) stays a lazy require. MIT licence:
// esbuild keeps its `@license` comment in dist.
import { defineConfig } from "tsup";
import shared from "../../tsup.shared";

export default defineConfig({ ...(shared as object), noExternal: ["papaparse"] });
