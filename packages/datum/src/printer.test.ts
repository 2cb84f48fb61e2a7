import { describe, expect, it } from "vitest";
import { symbolNeedsBars } from "./atom-text.js";
import { display, PRINT_HOOK, write, writeShared, writeSimple } from "./printer.js";
import {
  char,
  cons,
  EOF,
  ErrorObject,
  exactRational,
  flonum,
  intern,
  list,
  MultipleValues,
  type Pair,
  Record,
  RecordType,
  string,
  uninternedSymbol,
} from "./values.js";

const sym = intern;

describe("write: atoms", () => {
  it("writes the constants", () => {
    expect(write(null)).toBe("()");
    expect(write(true)).toBe("#t");
    expect(write(false)).toBe("#f");
    expect(write(EOF)).toBe("#!eof");
    expect(write(undefined)).toBe("#!void");
  });

  it("writes numbers of every kind", () => {
    expect(write(list([1, -7, 2n ** 70n, exactRational(1, 3), 1.5, flonum(2), flonum(-0)]))).toBe(
      "(1 -7 1180591620717411303424 1/3 1.5 2.0 -0.0)",
    );
    expect(write(list([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]))).toBe(
      "(+inf.0 -inf.0 +nan.0)",
    );
    expect(write(flonum(1e21))).toBe("1e21");
    expect(write(1e-7)).toBe("1e-7");
  });

  it("writes strings with R7RS escapes", () => {
    expect(write(string("plain"))).toBe('"plain"');
    expect(write(string('a"b\\c'))).toBe('"a\\"b\\\\c"');
    expect(write(string("\n\t\r\x07\b"))).toBe('"\\n\\t\\r\\a\\b"');
    expect(write(string("\x00\x1b\x7f"))).toBe('"\\x0;\\x1b;\\x7f;"');
    expect(write(string("λ 😀"))).toBe('"λ 😀"');
    expect(write(string(""))).toBe('""');
    expect(write(string("a\ud800b\udc00"))).toBe('"a\\xd800;b\\xdc00;"');
    expect(write(string("\u0085x"))).toBe('"\\x85;x"');
  });

  it("writes chars by name, literally or in hex", () => {
    expect(write(char(97))).toBe("#\\a");
    expect(write(char(0x28))).toBe("#\\(");
    expect(write(char(0x3bb))).toBe("#\\λ");
    expect(write(char(0x1f600))).toBe("#\\😀");
    const named: [number, string][] = [
      [0x20, "space"],
      [0x0a, "newline"],
      [0x07, "alarm"],
      [0x08, "backspace"],
      [0x7f, "delete"],
      [0x1b, "escape"],
      [0x00, "null"],
      [0x0d, "return"],
      [0x09, "tab"],
    ];
    for (const [cp, name] of named) expect(write(char(cp))).toBe(`#\\${name}`);
    expect(write(char(0x01))).toBe("#\\x1");
    expect(write(char(0x200b))).toBe("#\\x200b");
    expect(write(char(0xa0))).toBe("#\\xa0");
  });
});

describe("write: symbols", () => {
  it("writes ordinary names plainly", () => {
    for (const name of [
      "a",
      "Hello",
      "list->vector",
      "+",
      "-",
      "...",
      "->x",
      "-a",
      "+info",
      "a#b",
      "λ",
      "set-car!",
      "<=?",
      "..",
    ]) {
      expect(write(sym(name))).toBe(name);
    }
  });

  it("writes hosted module names without bars", () => {
    for (const name of ["github.com/fred", "hello", "@2.0", "@1.2.3", "github.com/fred/hello@2.0#hi"]) {
      expect(symbolNeedsBars(name)).toBe(false);
      expect(write(sym(name))).toBe(name);
    }
  });

  it("bars names the reader would not read back as the same symbol", () => {
    const cases: [string, string][] = [
      ["", "||"],
      ["a b", "|a b|"],
      ["(x)", "|(x)|"],
      ['say"', '|say"|'],
      ["a;b", "|a;b|"],
      ["a|b", "|a\\|b|"],
      ["a\\b", "|a\\\\b|"],
      ["it's", "|it's|"],
      ["#hi", "|#hi|"],
      [".", "|.|"],
      ["1", "|1|"],
      ["+1", "|+1|"],
      ["1e3", "|1e3|"],
      [".5", "|.5|"],
      ["-.5", "|-.5|"],
      ["+inf.0", "|+inf.0|"],
      ["-nan.0", "|-nan.0|"],
      ["+i", "|+i|"],
      ["1+", "|1+|"],
      ["a\nb", "|a\\nb|"],
      ["tab\there", "|tab\\there|"],
      ["zero\u200bwidth", "|zero\\x200b;width|"],
    ];
    for (const [name, text] of cases) expect(write(sym(name))).toBe(text);
  });

  it("writes uninterned symbols by their bare name", () => {
    expect(write(uninternedSymbol("g12"))).toBe("g12");
    expect(write(uninternedSymbol("a b"))).toBe("|a b|");
  });
});

describe("write: containers", () => {
  it("writes lists, improper lists, vectors and bytevectors", () => {
    expect(write(list([1, sym("a"), list([2, 3])]))).toBe("(1 a (2 3))");
    expect(write(cons(1, 2))).toBe("(1 . 2)");
    expect(write(list([1, 2], 3))).toBe("(1 2 . 3)");
    expect(write([1, list([2]), []])).toBe("#(1 (2) #())");
    expect(write(new Uint8Array([0, 255]))).toBe("#u8(0 255)");
    expect(write(new Uint8Array([]))).toBe("#u8()");
  });

  it("abbreviates quote forms, and only those of exactly two elements", () => {
    expect(write(list([sym("quote"), sym("x")]))).toBe("'x");
    expect(write(list([sym("quasiquote"), list([1, list([sym("unquote"), sym("y")])])]))).toBe("`(1 ,y)");
    expect(write(list([sym("unquote-splicing"), sym("z")]))).toBe(",@z");
    expect(write(list([sym("quote"), sym("x"), sym("y")]))).toBe("(quote x y)");
    expect(write(list([sym("quote")]))).toBe("(quote)");
    expect(write(cons(sym("quote"), sym("x")))).toBe("(quote . x)");
    expect(write(list([1, sym("quote"), 2]))).toBe("(1 quote 2)");
  });

  it("keeps (unquote @x) apart from unquote-splicing", () => {
    expect(write(list([sym("unquote"), sym("@x")]))).toBe(", @x");
    expect(write(list([sym("unquote"), sym("@2.0")]))).toBe(", @2.0");
  });

  it("writes records, procedures, error objects and multiple values", () => {
    const point = new RecordType("point", "point#1", ["x", "y"]);
    expect(write(new Record(point, [1, string("a")]))).toBe('#<point x: 1 y: "a">');
    function square(x: number): number {
      return x * x;
    }
    expect(write(square)).toBe("#<procedure square>");
    expect(write(Object.assign(() => 0, { schemeName: "github.com/fred/hello@2.0#hi" }))).toBe(
      "#<procedure github.com/fred/hello@2.0#hi>",
    );
    expect(write(Object.assign(() => 0, { schemeName: "" }))).toBe("#<procedure>");
    expect(write(new ErrorObject("error", "bad thing", [1, string("x")]))).toBe('#<error "bad thing" 1 "x">');
    expect(write(new ErrorObject("file", "no such file", [string("a.scm")]))).toBe(
      '#<file-error "no such file" "a.scm">',
    );
    expect(write(new MultipleValues([1, sym("a"), string("s")]))).toBe('1 a "s"');
    expect(write(new MultipleValues([]))).toBe("");
  });

  it("prints an object through its PRINT_HOOK method, also inside a list", () => {
    const port = { [PRINT_HOOK]: () => "#<input-port string>" };
    expect(write(port)).toBe("#<input-port string>");
    expect(display(list([port, 1]))).toBe("(#<input-port string> 1)");
  });

  it("writes foreign JS values as #<js …>", () => {
    expect(write(new Map())).toBe("#<js Map>");
    expect(write(Object.create(null))).toBe("#<js object>");
    expect(write("raw")).toBe('#<js "raw">');
    expect(write(Symbol("s"))).toBe("#<js Symbol(s)>");
  });
});

describe("datum labels", () => {
  it("write labels only where there is a cycle", () => {
    const shared = list([1]);
    expect(write(list([shared, shared]))).toBe("((1) (1))");
    const c = list([1, 2, 3]) as Pair;
    ((c.cdr as Pair).cdr as Pair).cdr = c;
    expect(write(c)).toBe("#0=(1 2 3 . #0#)");
    const v: unknown[] = [1];
    v.push(v);
    expect(write(v)).toBe("#0=#(1 #0#)");
    const self = cons(null, null);
    self.car = self;
    expect(write(self)).toBe("#0=(#0#)");
  });

  it("write labels a cycle entered in the middle of a list", () => {
    const tail = list([2, 3]) as Pair;
    (tail.cdr as Pair).cdr = tail;
    expect(write(cons(1, tail))).toBe("(1 . #0=(2 3 . #0#))");
  });

  it("write-shared labels every shared pair, vector and string", () => {
    const p = list([1]);
    const s = string("s");
    const v = [2];
    expect(writeShared(list([p, p, s, s, v, v]))).toBe('(#0=(1) #0# #1="s" #1# #2=#(2) #2#)');
    expect(writeShared(list([1, 2]))).toBe("(1 2)");
    const c = list([1]) as Pair;
    c.cdr = c;
    expect(writeShared(c)).toBe("#0=(1 . #0#)");
  });

  it("write-shared keeps a shared tail as a dotted label", () => {
    const tail = list([2, 3]);
    expect(writeShared(list([cons(1, tail), tail]))).toBe("((1 . #0=(2 3)) #0#)");
  });

  it("does not abbreviate a quote form whose tail is labelled", () => {
    const tail = list([sym("x")]);
    expect(writeShared(list([cons(sym("quote"), tail), tail]))).toBe("((quote . #0=(x)) #0#)");
    const q = list([sym("quote"), sym("x")]);
    expect(writeShared(list([q, q]))).toBe("(#0='x #0#)");
  });

  it("labels a record on a cycle", () => {
    const node = new RecordType("node", "node#1", ["next"]);
    const r = new Record(node, [null]);
    r.fields[0] = r;
    expect(write(r)).toBe("#0=#<node next: #0#>");
  });

  it("write-simple never labels", () => {
    const shared = list([1]);
    expect(writeSimple(list([shared, shared]))).toBe("((1) (1))");
    expect(writeSimple(list([sym("a b")]))).toBe("(|a b|)");
  });
});

describe("display", () => {
  it("writes strings, chars and symbols raw, also inside containers", () => {
    expect(display(string('a "q"\n'))).toBe('a "q"\n');
    expect(display(char(0x20))).toBe(" ");
    expect(display(sym("a b"))).toBe("a b");
    expect(display(list([string("hi"), char(65), [string("x")]]))).toBe("(hi A #(x))");
    expect(display(new ErrorObject("error", "oops", [string("it")]))).toBe("#<error oops it>");
  });

  it("writes everything else as write does", () => {
    expect(display(list([1, 2.5, flonum(3), true, null]))).toBe("(1 2.5 3.0 #t ())");
    const c = list([string("a")]) as Pair;
    c.cdr = c;
    expect(display(c)).toBe("#0=(a . #0#)");
  });
});

describe("deep and long data", () => {
  it("prints a 1e5-deep nested list", () => {
    let x: unknown = null;
    for (let i = 0; i < 100_000; i++) x = cons(x, null);
    expect(write(x)).toBe(`${"(".repeat(100_001)}${")".repeat(100_001)}`);
  });

  it("prints a 1e5-deep nested vector", () => {
    let x: unknown = [];
    for (let i = 0; i < 100_000; i++) x = [x];
    expect(writeShared(x)).toBe(`${"#(".repeat(100_001)}${")".repeat(100_001)}`);
  });

  it("prints a 1e6-long list", () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i % 10);
    const text = write(list(items));
    expect(text.length).toBe(2_000_001);
    expect(text.slice(0, 8)).toBe("(0 1 2 3");
    expect(display(list(items))).toBe(text);
  });

  it("prints a 1e6-long circular list with one label", () => {
    const items = Array.from({ length: 1_000_000 }, () => 7);
    const head = list(items) as Pair;
    let p = head;
    while (p.cdr !== null) p = p.cdr as Pair;
    p.cdr = head;
    const text = write(head);
    expect(text.startsWith("#0=(7 7")).toBe(true);
    expect(text.endsWith("7 . #0#)")).toBe(true);
  });
});
