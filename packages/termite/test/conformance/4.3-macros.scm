;; R7RS 4.3 Macros: let-syntax, letrec-syntax, syntax-rules (literals, ellipsis, custom ellipsis,
;; underscore, vectors, tails, hygiene), syntax-error.
(import (scheme base) (conformance harness))

;; 4.3.1 Binding constructs for syntactic keywords
(check (let-syntax ((given-that (syntax-rules ()
                                  ((_ test stmt1 stmt2 ...) (if test (begin stmt1 stmt2 ...))))))
         (let ((if #t))
           (given-that if (set! if 'now))
           if))
       => 'now)
(check (let ((x 'outer))
         (let-syntax ((m (syntax-rules () ((m) x))))
           (let ((x 'inner))
             (m))))
       => 'outer)
(check (letrec-syntax
           ((my-or (syntax-rules ()
                     ((my-or) #f)
                     ((my-or e) e)
                     ((my-or e1 e2 ...) (let ((temp e1)) (if temp temp (my-or e2 ...)))))))
         (let ((x #f) (y 7) (temp 8) (let odd?) (if even?))
           (my-or x (let temp) (if y) y)))
       => 7)

;; 4.3.2 Pattern language
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(check (let ((tmp 1) (other 2)) (swap! tmp other) (list tmp other)) => '(2 1))

(define-syntax my-if
  (syntax-rules (then else)
    ((_ c then t else e) (if c t e))))
(check (my-if #t then 'yes else 'no) => 'yes)
(check (my-if #f then 'yes else 'no) => 'no)

(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...)) (begin expr (... ...))))))))
(be-like-begin sequence)
(check (sequence 1 2 3 4) => 4)

(define-syntax my-list-of-pairs
  (syntax-rules ()
    ((_ (a b) ...) (list (cons a b) ...))))
(check (my-list-of-pairs (1 2) (3 4)) => '((1 . 2) (3 . 4)))

(define-syntax nested
  (syntax-rules ()
    ((_ (a b ...) ...) '((a ...) (b ... ...)))))
(check (nested (1 2 3) (4 5)) => '((1 4) (2 3 5)))

(define-syntax tail-pattern
  (syntax-rules ()
    ((_ a ... z) '(last z first-ones a ...))))
(check (tail-pattern 1 2 3) => '(last 3 first-ones 1 2))

(define-syntax dotted
  (syntax-rules ()
    ((_ a . rest) 'rest)))
(check (dotted 1 2 3) => '(2 3))

(define-syntax vector-pattern
  (syntax-rules ()
    ((_ #(a b ...)) (list a '(b ...)))))
(check (vector-pattern #(1 2 3)) => '(1 (2 3)))

(define-syntax ignore-first
  (syntax-rules ()
    ((_ _ b) b)))
(check (ignore-first (car '()) 'kept) => 'kept)

(define-syntax my-ellipsis
  (syntax-rules ::: ()
    ((_ x :::) (list x ::: 'end))))
(check (my-ellipsis 1 2) => '(1 2 end))

(define-syntax literal-match
  (syntax-rules ()
    ((_ 1) 'one)
    ((_ "s") 'string)
    ((_ x) 'other)))
(check (list (literal-match 1) (literal-match "s") (literal-match 2)) => '(one string other))

;; Hygiene: the macro's `tmp` and `if` do not capture or get captured.
(define-syntax my-or2
  (syntax-rules ()
    ((_ a b) (let ((t a)) (if t t b)))))
(check (let ((t 5)) (my-or2 #f t)) => 5)

;; A macro that expands into a definition at top level and in a body.
(define-syntax define-constant
  (syntax-rules ()
    ((_ name value) (define name value))))
(define-constant forty-two 42)
(check forty-two => 42)
(check (let () (define-constant k 3) (* k k)) => 9)

;; 4.3.3 Signaling errors in macro transformers: syntax-error fires only when the rule is used.
(define-syntax simple-let
  (syntax-rules ()
    ((_ (head ... ((x . y) val) . tail) body1 body2 ...)
     (syntax-error "expected an identifier but got" (x . y)))
    ((_ ((name val) ...) body1 body2 ...)
     ((lambda (name ...) body1 body2 ...) val ...))))
(check (simple-let ((a 1) (b 2)) (+ a b)) => 3)

;; More patterns: ellipsis before a tail of fixed elements, vector tails, recursive macros,
;; a macro shadowed by a local variable, a macro expanding to define-record-type.
(define-syntax middle
  (syntax-rules ()
    ((_ a b ... c d) '(a (b ...) c d))))
(check (middle 1 2 3 4 5) => '(1 (2 3) 4 5))
(check (middle 1 2 3) => '(1 () 2 3))
(define-syntax vector-tail
  (syntax-rules ()
    ((_ #(a ... z)) '(z a ...))))
(check (vector-tail #(1 2 3)) => '(3 1 2))
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(check (my-let* ((a 1) (b (+ a 1)) (c (* b 3))) c) => 6)
(check (let ((swap! 5)) swap!) => 5)
(define-syntax while
  (syntax-rules ()
    ((_ c body ...) (let lp () (when c body ... (lp))))))
(check (let ((i 0) (lp 'user)) (while (< i 5) (set! i (+ i 1))) (list i lp)) => '(5 user))
(define-syntax define-box-type
  (syntax-rules ()
    ((_ make get) (define-record-type <box> (make v) box? (v get)))))
(define-box-type make-box unbox)
(check (unbox (make-box 9)) => 9)
(define-syntax two-values
  (syntax-rules () ((_ a b) (define-values (a b) (values 1 2)))))
(two-values tv-one tv-two)
(check (list tv-one tv-two) => '(1 2))

(report)
