// ## How primitives are declared
//
// A primitive is a plain JS function: Scheme arguments in, one Scheme value out (or a
// `MultipleValues`). It must not call back into Scheme: procedures that do (`map`, `apply`,
// `dynamic-wind`…) follow the frame protocol and are declared elsewhere. Each group of primitives
// says which R7RS library exports it; the global is then named `<library path>#<name>`, e.g.
// `scheme/base#car`.

/** A primitive's JS implementation. `arity` is checked by the machine before the call. */
export type PrimitiveFunction = (...args: any[]) => unknown;

export interface PrimitiveSpec {
  /** Minimum number of arguments. */
  readonly min: number;
  /** Maximum number of arguments, or -1 for any number. */
  readonly max: number;
  readonly fn: PrimitiveFunction;
  /** The same procedure for exactly two arguments, without a rest array (`+`, `<`…): the common call. */
  readonly binary?: ((a: any, b: any) => unknown) | undefined;
}

/** The primitives one library exports: Scheme name -> spec. */
export interface PrimitiveGroup {
  /** The library's path form, `scheme/base`, `scheme/char`, `srfi/1`, `termite`. */
  readonly library: string;
  readonly bindings: Readonly<Record<string, PrimitiveSpec>>;
}

/** Shorthand for a spec: `prim(1, 1, (x) => ...)`. */
export function prim(
  min: number,
  max: number,
  fn: PrimitiveFunction,
  binary?: (a: any, b: any) => unknown,
): PrimitiveSpec {
  return binary === undefined ? { min, max, fn } : { min, max, fn, binary };
}
