/**
 * A minimal protocol-buffers writer (https://protobuf.dev/programming-guides/encoding/): just
 * what encoding an ONNX model needs — varints, length-delimited fields, packed repeated
 * numbers, fixed32 floats. Messages are built as byte arrays and nested as length-delimited
 * fields, so no schema compiler or runtime is needed.
 */

/** A message under construction: append fields, then `bytes()`. */
export class ProtoMessage {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  /** A varint field (int32, int64, enum, bool); negative numbers as 10-byte two's complement. */
  varint(field: number, value: number): this {
    return this.push(tag(field, 0), varint(value));
  }

  /** A length-delimited field: a string (UTF-8), raw bytes or a nested message. */
  field(field: number, value: string | Uint8Array | ProtoMessage): this {
    const payload =
      typeof value === 'string'
        ? new TextEncoder().encode(value)
        : value instanceof ProtoMessage
          ? value.encode()
          : value;
    return this.push(tag(field, 2), varint(payload.length), payload);
  }

  /** A float field (fixed32). */
  float(field: number, value: number): this {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setFloat32(0, value, true);
    return this.push(tag(field, 5), out);
  }

  /** A packed repeated varint field (repeated int64). */
  packedVarints(field: number, values: readonly number[]): this {
    return this.field(field, concat(values.map(varint)));
  }

  /** A packed repeated float field. */
  packedFloats(field: number, values: readonly number[]): this {
    const out = new Uint8Array(values.length * 4);
    const view = new DataView(out.buffer);
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return this.field(field, out);
  }

  /** The encoded message. */
  encode(): Uint8Array {
    return concat(this.parts, this.length);
  }

  private push(...parts: Uint8Array[]): this {
    for (const p of parts) {
      this.parts.push(p);
      this.length += p.length;
    }
    return this;
  }
}

function tag(field: number, wireType: number): Uint8Array {
  return varint(field * 8 + wireType);
}

/** Base-128 varint of an integer (negative: 64-bit two's complement, as protobuf int64). */
export function varint(value: number): Uint8Array {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v === 0n ? byte : byte | 0x80);
  } while (v !== 0n);
  return new Uint8Array(out);
}

function concat(parts: readonly Uint8Array[], length = parts.reduce((s, p) => s + p.length, 0)) {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
