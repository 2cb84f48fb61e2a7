// ## @termite/hosted-loader/testing: a real `git daemon` on 127.0.0.1 for tests
//
// Shared by the loader's tests and by packages that install hosted modules in theirs
// (@termite/termite), so there is one helper that serves repositories and maps hosts onto it.

export { freePort, GitServer, git, type PortRange, TestRepository } from "./git-server.js";
