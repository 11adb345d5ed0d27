import { ProtoMessage } from './protobuf-writer.ts';

/*
 * ONNX's protobuf messages (onnx/onnx.proto3, IR version 8), as far as a feed-forward float32
 * graph needs them. Field numbers are the schema's.
 */

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

/** An int, a float (`{ float }`), a string, ints, floats (`{ floats }`) or strings. */
export type AttributeValue =
  number | { float: number } | string | number[] | { floats: number[] } | string[];

/** A graph under construction: nodes, initializers (weights), one input and one output. */
export class OnnxGraph {
  private readonly nodes: ProtoMessage[] = [];
  private readonly initializers: ProtoMessage[] = [];
  private counter = 0;

  /** A fresh value name with a readable prefix. */
  name(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  /** Appends a node; returns its (first) output's name. */
  node(op: string, inputs: string[], attributes: Record<string, AttributeValue> = {}): string {
    const output = this.name(op.toLowerCase());
    const node = new ProtoMessage();
    for (const input of inputs) node.field(1, input);
    node.field(2, output).field(3, output).field(4, op);
    for (const [key, value] of Object.entries(attributes)) node.field(5, attribute(key, value));
    this.nodes.push(node);
    return output;
  }

  /** A float32 initializer of `shape`; returns its name. */
  float32(prefix: string, values: Float32Array, shape: number[]): string {
    const name = this.name(prefix);
    const tensor = new ProtoMessage().packedVarints(1, shape).varint(2, FLOAT).field(8, name);
    tensor.field(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    this.initializers.push(tensor);
    return name;
  }

  /** An int64 initializer (shapes for Reshape); returns its name. */
  int64(prefix: string, values: number[]): string {
    const name = this.name(prefix);
    const raw = new Uint8Array(values.length * 8);
    const view = new DataView(raw.buffer);
    values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    const tensor = new ProtoMessage().packedVarints(1, [values.length]).varint(2, INT64);
    this.initializers.push(tensor.field(8, name).field(9, raw));
    return name;
  }

  /**
   * The ModelProto bytes: opset 17, the graph's input `input` and output `output` as float32
   * tensors whose first dimension is the symbolic batch.
   */
  model(input: { name: string; shape: number[] }, output: { name: string; shape: number[] }) {
    const graph = new ProtoMessage();
    for (const node of this.nodes) graph.field(1, node);
    graph.field(2, 'strand');
    for (const init of this.initializers) graph.field(5, init);
    graph.field(11, valueInfo(input.name, input.shape));
    graph.field(12, valueInfo(output.name, output.shape));
    const opset = new ProtoMessage().field(1, '').varint(2, 17);
    return new ProtoMessage()
      .varint(1, 8)
      .field(2, 'strand')
      .field(7, graph)
      .field(8, opset)
      .encode();
  }
}

function valueInfo(name: string, shape: number[]): ProtoMessage {
  const dims = new ProtoMessage();
  shape.forEach((d, i) =>
    dims.field(1, i === 0 ? new ProtoMessage().field(2, 'batch') : new ProtoMessage().varint(1, d)),
  );
  const tensor = new ProtoMessage().varint(1, FLOAT).field(2, dims);
  return new ProtoMessage().field(1, name).field(2, new ProtoMessage().field(1, tensor));
}

function attribute(name: string, value: AttributeValue): ProtoMessage {
  const a = new ProtoMessage().field(1, name);
  if (typeof value === 'string') return a.varint(20, ATTRIBUTE.STRING).field(4, value);
  if (typeof value === 'number') return a.varint(20, ATTRIBUTE.INT).varint(3, value);
  if ('float' in value) return a.varint(20, ATTRIBUTE.FLOAT).float(2, value.float);
  if ('floats' in value) return a.varint(20, ATTRIBUTE.FLOATS).packedFloats(7, value.floats);
  if (value.every((v) => typeof v === 'string')) {
    a.varint(20, ATTRIBUTE.STRINGS);
    for (const s of value as string[]) a.field(9, s);
    return a;
  }
  return a.varint(20, ATTRIBUTE.INTS).packedVarints(8, value as number[]);
}
