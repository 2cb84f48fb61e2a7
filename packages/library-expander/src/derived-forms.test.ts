import { describe, expect, it } from "vitest";
import { run } from "../test/run.js";

describe("derived forms (R7RS §4.2, §7.3), run after expansion", () => {
  it("let, let*, letrec, letrec*, named let", () => {
    expect(run("(let ((x 1) (y 2)) (+ x y))")).toBe("3");
    expect(run("(let ((x 1)) (let ((x 2) (y x)) y))")).toBe("1");
    expect(run("(let* ((x 1) (y (+ x 1))) (list x y))")).toBe("(1 2)");
    expect(run("(let* () 5)")).toBe("5");
    expect(
      run(
        "(letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1))))) (odd? (lambda (n) (if (= n 0) #f (even? (- n 1)))))) (even? 10))",
      ),
    ).toBe("#t");
    expect(run("(letrec* ((a 1) (b (+ a 1))) b)")).toBe("2");
    expect(run("(let loop ((i 0) (acc '())) (if (= i 3) acc (loop (+ i 1) (cons i acc))))")).toBe("(2 1 0)");
  });

  it("let-values, let*-values, define-values", () => {
    expect(run("(let-values (((a b) (values 1 2)) ((c . d) (values 3 4 5))) (list a b c d))")).toBe(
      "(1 2 3 (4 5))",
    );
    expect(run("(let ((a 10)) (let-values (((a) (values 1)) ((b) (values a))) (list a b)))")).toBe("(1 10)");
    expect(run("(let*-values (((a) (values 1)) ((b) (values (+ a 1)))) (list a b))")).toBe("(1 2)");
    expect(run("(define-values (x y . z) (values 1 2 3 4)) (list x y z)")).toBe("(1 2 (3 4))");
    expect(run("(define (f) (define-values (a b) (values 1 2)) (+ a b)) (f)")).toBe("3");
  });

  it("do", () => {
    expect(run("(do ((vec (vector 0 0 0)) (i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 3) acc))")).toBe(
      "(2 1 0)",
    );
  });

  it("case, with => and else", () => {
    expect(run("(case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite))")).toBe("composite");
    expect(run("(case 'x ((a) 1) (else 'other))")).toBe("other");
    expect(run("(case 5 ((5) => (lambda (x) (+ x 1))) (else 0))")).toBe("6");
    expect(run("(case 9 ((5) 1) (else => (lambda (x) (list x))))")).toBe("(9)");
  });

  it("cond with =>, else, test-only clauses; and, or, when, unless", () => {
    expect(run("(cond ((memv 2 '(1 2 3)) => cdr) (else 'no))")).toBe("(3)");
    expect(run("(cond (#f 1) ((+ 1 1)) (else 3))")).toBe("2");
    expect(run("(cond (#f 1) (else 3))")).toBe("3");
    expect(run("(list (and) (and 1 2) (and 1 #f 3) (or) (or #f 2) (or #f #f))")).toBe("(#t 2 #f #f 2 #f)");
    expect(run("(list (when (= 1 1) 'a 'b) (unless (= 1 2) 'c))")).toBe("(b c)");
  });

  it("guard, with and without a matching clause", () => {
    expect(run("(guard (e ((symbol? e) (list 'caught e))) (raise 'boom))")).toBe("(caught boom)");
    expect(run("(guard (e ((string? e) 1) ((number? e) => (lambda (x) (list x)))) (raise 42))")).toBe("(#t)");
    expect(run("(guard (e (else 'any)) (raise 1))")).toBe("any");
    expect(
      run("(guard (outer (#t (list 'outer outer))) (guard (e ((string? e) 'inner)) (raise 'sym)))"),
    ).toBe("(outer sym)");
  });

  it("parameterize", () => {
    expect(
      run("(define p (make-parameter 1 (lambda (x) (* x 10)))) (list (p) (parameterize ((p 2)) (p)) (p))"),
    ).toBe("(10 20 10)");
  });

  it("delay, delay-force, make-promise, force", () => {
    expect(
      run("(define n 0) (define p (delay (begin (set! n (+ n 1)) n))) (list (force p) (force p) n)"),
    ).toBe("(1 1 1)");
    expect(
      run("(define (loop k) (if (= k 0) (delay 'done) (delay-force (loop (- k 1))))) (force (loop 100))"),
    ).toBe("done");
    expect(run("(force (make-promise 7))")).toBe("7");
  });

  it("quasiquote: nested levels, splicing, vectors, dotted", () => {
    expect(run("(let ((x 1) (l '(2 3))) `(a ,x ,@l b))")).toBe("(a 1 2 3 b)");
    expect(run("(let ((x 1)) `#(a ,x))")).toBe("#(a 1)");
    expect(run("(let ((x 5)) `(a . ,x))")).toBe("(a . 5)");
    expect(run("`(1 `(2 ,(3 ,(+ 1 3))))")).toBe("(1 `(2 ,(3 4)))");
    expect(run("(let ((name 'a)) `(list ,name ',name))")).toBe("(list a 'a)");
    expect(run("`(1 ,@'() 2)")).toBe("(1 2)");
    expect(run("`#(1 ,@'(2 3))")).toBe("#(1 2 3)");
    expect(run("`#(a (b) ,@'())")).toBe("#(a (b))");
  });

  it("case-lambda", () => {
    expect(
      run(
        "(define f (case-lambda ((x) (list 'one x)) ((x y) (list 'two x y)) ((x . r) (list 'many r)))) (list (f 1) (f 1 2) (f 1 2 3))",
      ),
    ).toBe("((one 1) (two 1 2) (many (2 3)))");
  });

  it("define-record-type", () => {
    expect(
      run(`(define-record-type <point> (make-point x y) point? (x point-x set-point-x!) (y point-y))
           (define p (make-point 1 2))
           (set-point-x! p 10)
           (list (point? p) (point? 5) (point-x p) (point-y p))`),
    ).toBe("(#t #f 10 2)");
    expect(
      run("(define (f) (define-record-type thing (mk a) thing? (a thing-a)) (thing-a (mk 3))) (f)"),
    ).toBe("3");
  });

  it("internal definitions in every body, also made by macros", () => {
    expect(run("(define (f) (define a 1) (define (g) (* a 2)) (g)) (f)")).toBe("2");
    expect(run("(let () (define a 5) a)")).toBe("5");
    expect(
      run(`(define-syntax def2 (syntax-rules () ((_ a b v) (begin (define a v) (define b v)))))
           (define (f) (def2 x y 4) (+ x y)) (f)`),
    ).toBe("8");
    expect(run("(let-values (((a) (values 1))) (define b 2) (+ a b))")).toBe("3");
    expect(run("(guard (e (#t 0)) (define z 9) z)")).toBe("9");
    expect(run("(do ((i 0 (+ i 1))) ((= i 1) (let () (define k 3) k)))")).toBe("3");
  });
});
