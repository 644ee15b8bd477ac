#!/usr/bin/env node
// The installed `contactkit` command: the built CLI (in the repository, `pnpm contactkit` runs it from source).
import "../dist/main.js"
