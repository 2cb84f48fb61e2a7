import { describe, expect, it } from "vitest";
import {
  Box,
  carried,
  carry,
  carryCompiled,
  caseLambdaOf,
  compiledClosure,
  continuationOf,
  DynamicEnvironment,
  interpretedClosure,
  PROCEDURE_SLOT,
  parameterOf,
  primitiveOf,
  procedureCode,
  procedureKind,
} from "./procedure.js";

const code = { ref: { module: "", id: "u1:3" }, node: { kind: "lambda" } };

describe("the procedure contract", () => {
  it("answers nothing for a plain JS function or a non-procedure", () => {
    expect(carried(() => 1)).toBeUndefined();
    expect(procedureKind({ [PROCEDURE_SLOT]: { kind: "primitive", name: "x" } })).toBeUndefined();
    expect(procedureKind(5)).toBeUndefined();
  });

  it("keeps a compiled closure's code and free values in order", () => {
    const f = carryCompiled(() => 1, code, [1, new Box(2)]);
    expect(procedureKind(f)).toBe("compiled");
    expect(compiledClosure(f)).toEqual({ kind: "compiled", code, free: [1, new Box(2)] });
    expect(carried(f)).toEqual(compiledClosure(f));
    expect(procedureCode(f)).toBe(code);
    expect(interpretedClosure(f)).toBeUndefined();
  });

  it("gives each kind's record only to its own accessor", () => {
    const env = [null, 1];
    const i = carry(() => 1, { kind: "interpreted", code, environment: env });
    expect(interpretedClosure(i)?.environment).toBe(env);
    expect(procedureCode(i)).toBe(code);
    expect(compiledClosure(i)).toBeUndefined();
    const k = carry(() => 1, {
      kind: "continuation",
      frames: null,
      dynamic: new DynamicEnvironment(null, null, null),
    });
    expect(continuationOf(k)?.frames).toBeNull();
    expect(parameterOf(k)).toBeUndefined();
    expect(procedureCode(k)).toBeUndefined();
    const c = carry(() => 1, { kind: "case-lambda", name: "f", clauses: [i] });
    expect(caseLambdaOf(c)?.clauses).toEqual([i]);
    const p = carry(() => 1, { kind: "primitive", name: "scheme/base#car" });
    expect(primitiveOf(p)?.name).toBe("scheme/base#car");
    expect(procedureKind(p)).toBe("primitive");
  });
});
