import { describe, expect, it } from "vitest";
import { writeIdentifier, writeQualified, writeString } from "./identifier-text.js";

describe("writeIdentifier", () => {
  it.each([
    ["hi", "hi"],
    ["string->list", "string->list"],
    ["+", "+"],
    ["...", "..."],
    ["github.com/fred/hello@2.0#hi", "github.com/fred/hello@2.0#hi"],
    ["two words", "|two words|"],
    ["1+", "|1+|"],
    ["+5", "|+5|"],
    [".", "|.|"],
    ["", "||"],
    ["#hi", "|#hi|"],
    ["a|b", "|a\\|b|"],
  ])("writes %j as %s", (name, text) => {
    expect(writeIdentifier(name)).toBe(text);
  });
});

describe("writeQualified", () => {
  it.each([
    ["github.com/fred/hello@2.0#hi", "github.com/fred/hello@2.0#hi"],
    ["#hi", "#hi"],
    ["scheme/base#car", "scheme/base#car"],
    ["m#two words", "m#|two words|"],
    ["m#", "m#||"],
    ["plain", "plain"],
  ])("shows %j as %s", (name, text) => {
    expect(writeQualified(name)).toBe(text);
  });
});

it("writeString escapes quotes, backslashes and newlines", () => {
  expect(writeString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
});
