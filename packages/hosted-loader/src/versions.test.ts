import { type HostedModuleName, parseModulePath } from "@termite/namespace";
import { describe, expect, it } from "vitest";
import { HostedLoaderError } from "./errors.js";
import { compareTags, parseRemoteRefs, type RemoteRefs, resolveRef, tagVersion } from "./versions.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const D = "d".repeat(40);
const hosted = (text: string) => parseModulePath(text) as HostedModuleName;
const refs = (tags: Record<string, string>, head: string | null = D): RemoteRefs => ({
  tags: new Map(Object.entries(tags)),
  defaultBranch: "main",
  head,
});
const failure = (f: () => unknown): HostedLoaderError => {
  try {
    f();
  } catch (error) {
    if (HostedLoaderError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("no error");
};

describe("parseRemoteRefs", () => {
  it("reads tags, peels annotated ones, and finds the default branch", () => {
    const output = [
      "ref: refs/heads/trunk\tHEAD",
      `${D}\tHEAD`,
      `${D}\trefs/heads/trunk`,
      `${A}\trefs/tags/1.0`,
      `${B}\trefs/tags/v1.1`,
      `${C}\trefs/tags/v1.1^{}`,
    ].join("\n");
    const parsed = parseRemoteRefs(output);
    expect(parsed.defaultBranch).toBe("trunk");
    expect(parsed.head).toBe(D);
    expect([...parsed.tags]).toEqual([
      ["1.0", A],
      ["v1.1", C],
    ]);
  });
});

describe("resolveRef", () => {
  it("takes tag 1.0 for @1.0, else v1.0", () => {
    expect(resolveRef(hosted("github.com/fred/hello@1.0"), refs({ "1.0": A, "v1.0": A }))).toMatchObject({
      tag: "1.0",
      commit: A,
    });
    expect(resolveRef(hosted("github.com/fred/hello@1.1"), refs({ "v1.1": B }))).toMatchObject({
      tag: "v1.1",
      commit: B,
    });
    expect(resolveRef(hosted("github.com/fred/hello@v1.1"), refs({ "v1.1": B })).tag).toBe("v1.1");
  });

  it("refuses 1.0 and v1.0 on different commits, naming both", () => {
    const error = failure(() =>
      resolveRef(hosted("github.com/fred/hello@1.0"), refs({ "1.0": A, "v1.0": B })),
    );
    expect(error.code).toBe("ambiguous-version");
    expect(error.message).toContain(`tag "1.0" is commit ${A.slice(0, 12)}`);
    expect(error.message).toContain(`tag "v1.0" is commit ${B.slice(0, 12)}`);
  });

  it("lists the tags that exist when none matches", () => {
    const error = failure(() =>
      resolveRef(hosted("github.com/fred/hello@3.0"), refs({ "2.0": A, "v1.1": B, "1.0": C, beta: D })),
    );
    expect(error.code).toBe("no-such-version");
    expect(error.message).toContain('No tag "3.0" or "v3.0"');
    expect(error.message).toContain("Tags that exist: 1.0, v1.1, 2.0, beta.");
  });

  it("resolves ^ and ~ ranges to the newest matching tag, named without its v", () => {
    const tags = refs({ "1.0": A, "v1.1": B, "1.2.0": C, "2.0": D, "v1.3.0-rc.1": A, notes: B });
    const caret = resolveRef(hosted("github.com/fred/hello@^1.0"), tags);
    expect(caret.name.version).toBe("1.2.0");
    expect(caret).toMatchObject({ tag: "1.2.0", commit: C });
    const tilde = resolveRef(hosted("github.com/fred/hello@~1.1"), tags);
    expect(tilde.name.version).toBe("1.1");
    expect(tilde.tag).toBe("v1.1");
    expect(resolveRef(hosted("github.com/fred/hello@^2"), tags).name.version).toBe("2.0");
    const none = failure(() => resolveRef(hosted("github.com/fred/hello@^3.0"), tags));
    expect(none.code).toBe("no-such-version");
    expect(none.message).toContain("range @^3.0");
  });

  it("reports a range whose newest version has both tags on different commits", () => {
    const error = failure(() =>
      resolveRef(hosted("github.com/fred/hello@^1.0"), refs({ "1.4": A, "v1.4": B })),
    );
    expect(error.code).toBe("ambiguous-version");
  });

  it("takes the default branch's head when there is no version", () => {
    expect(resolveRef(hosted("github.com/fred/hello"), refs({}))).toMatchObject({ tag: null, commit: D });
    expect(failure(() => resolveRef(hosted("github.com/fred/hello"), refs({}, null))).code).toBe(
      "no-such-version",
    );
  });
});

describe("tagVersion and compareTags", () => {
  it("reads version-like tags and orders them before the others", () => {
    expect(tagVersion("v1.4")).toBe("1.4.0");
    expect(tagVersion("2")).toBe("2.0.0");
    expect(tagVersion("1.2.3-rc.1")).toBe("1.2.3-rc.1");
    expect(tagVersion("release-1")).toBeNull();
    expect(["beta", "10.0", "v2.0", "1.0"].sort(compareTags)).toEqual(["1.0", "v2.0", "10.0", "beta"]);
  });
});
