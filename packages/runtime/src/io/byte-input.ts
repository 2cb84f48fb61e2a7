// ## Bytes of a binary input port
//
// Bytevector and binary file ports hold all their bytes from the start, so a binary read never
// has to wait.

export class ByteInput {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }
}
