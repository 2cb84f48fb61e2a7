// ## Error objects: error, error-object?, error-object-message, error-object-irritants,
// read-error?, file-error?
//
// An error signalled by a primitive records the procedure (`who`); `error-object-message` puts it
// in front of the message ("car: expected a pair (argument 1)") so a handler that prints the
// message tells the user where the error came from. `(error "msg" …)` has no `who`.

import { ErrorObject, list, MString, Sym, string } from "@termite/datum";
import { SchemeRaise, typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";

/** `(error message irritant ...)`: raises a new error object. */
export function error(message: unknown, ...irritants: unknown[]): never {
  let text: string;
  if (message instanceof MString) text = message.toString();
  else if (message instanceof Sym) text = message.name;
  else return typeError("error", "a string", message, 0);
  throw new SchemeRaise(new ErrorObject("error", text, irritants));
}

function errorObjectArg(who: string, x: unknown): ErrorObject {
  if (x instanceof ErrorObject) return x;
  return typeError(who, "an error object", x, 0);
}

/** `(error-object-message e)`: a fresh string, "who: message" when the signaller is known. */
export function errorObjectMessage(e: unknown): MString {
  const err = errorObjectArg("error-object-message", e);
  return string(err.who === undefined ? err.message : `${err.who}: ${err.message}`);
}

/** `(error-object-irritants e)`: a fresh list. */
export function errorObjectIrritants(e: unknown): unknown {
  return list(errorObjectArg("error-object-irritants", e).irritants);
}

/** Error-object procedures of (scheme base). */
export const errorBaseBindings: Record<string, PrimitiveSpec> = {
  error: prim(1, -1, error),
  "error-object?": prim(1, 1, (x: unknown) => x instanceof ErrorObject),
  "error-object-message": prim(1, 1, errorObjectMessage),
  "error-object-irritants": prim(1, 1, errorObjectIrritants),
  "read-error?": prim(1, 1, (x: unknown) => x instanceof ErrorObject && x.kind === "read"),
  "file-error?": prim(1, 1, (x: unknown) => x instanceof ErrorObject && x.kind === "file"),
};
