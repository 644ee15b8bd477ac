#!/usr/bin/env node
// The installed `contactkit` command; the CLI runs from its TypeScript sources on the project's Node 24.
import "../src/main.ts"
