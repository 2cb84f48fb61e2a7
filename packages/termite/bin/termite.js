#!/usr/bin/env node
// The `termite` command. This file is committed (the CLI itself is built into dist/), so a package
// manager links the bin on a fresh clone before the first build has run.
import "../dist/cli.js";
