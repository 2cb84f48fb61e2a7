import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { termiteHome } from "./home.js";

describe("termiteHome", () => {
  it("is TERMITE_HOME, else under XDG_DATA_HOME, else ~/.termite", () => {
    expect(termiteHome({ TERMITE_HOME: "/srv/termite", XDG_DATA_HOME: "/x" })).toBe("/srv/termite");
    expect(termiteHome({ XDG_DATA_HOME: "/home/ann/.local/share" })).toBe("/home/ann/.local/share/termite");
    expect(termiteHome({ HOME: "/home/ann" })).toBe("/home/ann/.termite");
    expect(termiteHome({})).toBe(join(homedir(), ".termite"));
  });
});
