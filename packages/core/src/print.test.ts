import { describe, expect, it } from "vitest";
import { sampleBody } from "../test/sample-tree.js";
import { type CoreModule, type Node, printCore } from "./index.js";

describe("printCore", () => {
  it("prints every node kind, telling same-named locals apart by id", () => {
    const [define] = sampleBody() as [Node];
    expect(printCore(define)).toBe(
      "(define #two (lambda (x y . r) (set! x \"s\") (set! #g 1.5) (if y #y) (if #f '() '#(1 v)) " +
        "(let ((f (lambda () r))) (f)) (letrec* ((f 2503155504993241601315571986085849) (r f)) r) " +
        "(case-lambda (() 0) (y y)) (case-lambda) (scheme/base#list 'q #!void)))",
    );
    const shadow: Node = {
      kind: "let",
      bindings: [
        [
          { name: "x", id: 1, assigned: false },
          { kind: "quote", value: 1 },
        ],
      ],
      body: {
        kind: "lambda",
        params: [{ name: "x", id: 2, assigned: false }],
        rest: null,
        body: { kind: "quote", value: 2 },
      },
    };
    expect(printCore(shadow)).toBe("(let ((x.1 1)) (lambda (x.2) 2))");
  });

  it("prints a module with its ELS'20 declarations", () => {
    const unit: CoreModule = {
      kind: "library",
      block: true,
      supplies: "gitlab.com/zoo/cats@2.0",
      demands: ["github.com/fred/hello@1.0"],
      imports: ["github.com/fred/hello@1.0"],
      namespace: [{ prefix: "gitlab.com/zoo/cats@2.0#" }, { prefix: "", names: [["define", "define"]] }],
      exports: new Map(),
      body: [{ kind: "define", name: "gitlab.com/zoo/cats@2.0#x", value: { kind: "quote", value: 1 } }],
    };
    expect(printCore(unit)).toBe(
      "(declare (block))\n(supply-module gitlab.com/zoo/cats@2.0)\n(demand-module github.com/fred/hello@1.0)\n" +
        '(namespace ("gitlab.com/zoo/cats@2.0#") ("" define))\n(define gitlab.com/zoo/cats@2.0#x 1)\n',
    );
  });
});
