;; An interpreter for a small Scheme, written in Scheme: a program of real shape for the
;; benchmarks (about 40 KB). It has a reader from strings, a syntax analyser that turns
;; expressions into host closures with lexical addresses, closures over frames, proper tail
;; calls through a trampoline, escape continuations, a printer, a standard library written in
;; the interpreted language itself, and a test program that it runs: recursion, sorting,
;; strings, closures, association lists, quasiquote and a table of small checks.
;;
;; The last line runs everything and yields a short string that the benchmark compares.

;;;; Values of the interpreted language
;;
;; Numbers, strings, characters, booleans, symbols, pairs, the empty list and vectors are the
;; host's own. Procedures and the unspecified value are records of their own, so that the
;; interpreted program cannot confuse them with host procedures.

(define-record-type primitive
  (make-primitive name arity-min arity-max body)
  primitive?
  (name primitive-name)
  (arity-min primitive-arity-min)
  (arity-max primitive-arity-max)
  (body primitive-body))

(define-record-type closure
  (make-closure name required rest? frame-size body env)
  closure?
  (name closure-name set-closure-name!)
  (required closure-required)
  (rest? closure-rest?)
  (frame-size closure-frame-size)
  (body closure-body)
  (env closure-env))

;; A tail call not yet made: the trampoline in `execute` makes it.
(define-record-type bounce
  (make-bounce procedure arguments)
  bounce?
  (procedure bounce-procedure)
  (arguments bounce-arguments))

(define-record-type unspecified-value (make-unspecified) unspecified?)
(define unspecified (make-unspecified))

(define-record-type interpreter-error
  (make-interpreter-error message irritants)
  interpreter-error?
  (message interpreter-error-message)
  (irritants interpreter-error-irritants))

(define (fail message . irritants)
  (raise (make-interpreter-error message irritants)))

;;;; Reader: text to data

(define-record-type cursor
  (make-cursor text position)
  cursor?
  (text cursor-text)
  (position cursor-position set-cursor-position!))

(define (open-cursor text) (make-cursor text 0))

(define (peek cur)
  (let ((i (cursor-position cur)) (text (cursor-text cur)))
    (if (< i (string-length text)) (string-ref text i) #f)))

(define (advance! cur)
  (let ((c (peek cur)))
    (set-cursor-position! cur (+ 1 (cursor-position cur)))
    c))

(define (delimiter? c)
  (or (not c) (char-whitespace? c) (memv c '(#\( #\) #\" #\; #\'))))

(define (skip-atmosphere! cur)
  (let ((c (peek cur)))
    (cond ((not c) #f)
          ((char-whitespace? c) (advance! cur) (skip-atmosphere! cur))
          ((char=? c #\;)
           (let skip () (let ((d (advance! cur))) (if (and d (not (char=? d #\newline))) (skip))))
           (skip-atmosphere! cur))
          (else #f))))

(define end-of-text (list 'end-of-text))

(define (read-datum cur)
  (skip-atmosphere! cur)
  (let ((c (peek cur)))
    (cond ((not c) end-of-text)
          ((char=? c #\() (advance! cur) (read-list-tail cur #\)))
          ((char=? c #\[) (advance! cur) (read-list-tail cur #\]))
          ((or (char=? c #\)) (char=? c #\]))
           (fail "unexpected closing parenthesis at" (cursor-position cur)))
          ((char=? c #\') (advance! cur) (list 'quote (read-required cur)))
          ((char=? c #\`) (advance! cur) (list 'quasiquote (read-required cur)))
          ((char=? c #\,)
           (advance! cur)
           (if (eqv? (peek cur) #\@)
               (begin (advance! cur) (list 'unquote-splicing (read-required cur)))
               (list 'unquote (read-required cur))))
          ((char=? c #\") (advance! cur) (read-string-literal cur))
          ((char=? c #\#) (advance! cur) (read-hash cur))
          (else (read-atom cur)))))

(define (read-required cur)
  (let ((d (read-datum cur)))
    (if (eq? d end-of-text) (fail "unexpected end of text") d)))

(define (read-list-tail cur close)
  (skip-atmosphere! cur)
  (let ((c (peek cur)))
    (cond ((not c) (fail "unterminated list"))
          ((char=? c close) (advance! cur) '())
          ((and (char=? c #\.)
                (let ((next-pos (+ 1 (cursor-position cur))))
                  (or (= next-pos (string-length (cursor-text cur)))
                      (delimiter? (string-ref (cursor-text cur) next-pos)))))
           (advance! cur)
           (let ((last (read-required cur)))
             (skip-atmosphere! cur)
             (if (eqv? (peek cur) close)
                 (begin (advance! cur) last)
                 (fail "expected a closing parenthesis after the dotted tail"))))
          (else
           (let ((head (read-required cur)))
             (cons head (read-list-tail cur close)))))))

(define (read-string-literal cur)
  (let ((out (open-output-string)))
    (let loop ()
      (let ((c (advance! cur)))
        (cond ((not c) (fail "unterminated string"))
              ((char=? c #\") (get-output-string out))
              ((char=? c #\\)
               (let ((e (advance! cur)))
                 (write-char (case e
                               ((#\n) #\newline)
                               ((#\t) #\tab)
                               ((#\\) #\\)
                               ((#\") #\")
                               (else (fail "unknown string escape" e)))
                             out)
                 (loop)))
              (else (write-char c out) (loop)))))))

(define (read-token cur)
  (let ((out (open-output-string)))
    (let loop ()
      (if (delimiter? (peek cur))
          (get-output-string out)
          (begin (write-char (advance! cur) out) (loop))))))

(define char-names '(("space" . #\space) ("newline" . #\newline) ("tab" . #\tab)))

(define (read-hash cur)
  (let ((c (peek cur)))
    (cond ((eqv? c #\() (advance! cur) (list->vector (read-list-tail cur #\))))
          ((eqv? c #\\)
           (advance! cur)
           (let* ((first (advance! cur))
                  (rest (read-token cur)))
             (if (string=? rest "")
                 first
                 (let ((named (assoc (string-append (string first) rest) char-names)))
                   (if named (cdr named) (fail "unknown character name" rest))))))
          (else
           (let ((token (read-token cur)))
             (cond ((member token '("t" "true")) #t)
                   ((member token '("f" "false")) #f)
                   (else (fail "unknown # syntax" token))))))))

(define (read-atom cur)
  (let* ((token (read-token cur))
         (number (string->number token)))
    (or number (string->symbol token))))

(define (read-all text)
  (let ((cur (open-cursor text)))
    (let loop ((data '()))
      (let ((d (read-datum cur)))
        (if (eq? d end-of-text)
            (reverse data)
            (loop (cons d data)))))))

;;;; Derived forms: rewritten into the core forms before analysis
;;
;; The core forms are quote, if, define, set!, lambda and begin; everything else here is a
;; rewriting into them. Temporaries get names that a program cannot write by accident.

(define temporary-count 0)
(define (fresh-name prefix)
  (set! temporary-count (+ temporary-count 1))
  (string->symbol (string-append "%" prefix (number->string temporary-count))))

(define (check-form form min-length)
  (unless (and (list? form) (>= (length form) min-length))
    (fail "malformed special form" form)))

(define (expand-let form)
  (check-form form 3)
  (if (symbol? (cadr form))
      (expand-named-let form)
      (let ((bindings (cadr form)))
        (for-each (lambda (b) (unless (and (list? b) (= (length b) 2) (symbol? (car b)))
                                (fail "malformed let binding" b)))
                  bindings)
        (cons (cons 'lambda (cons (map car bindings) (cddr form)))
              (map cadr bindings)))))

;; (let loop ((v e) ...) body) calls a local procedure that can call itself.
(define (expand-named-let form)
  (check-form form 4)
  (let ((name (cadr form))
        (bindings (caddr form))
        (body (cdddr form)))
    (cons (list 'letrec
                (list (list name (cons 'lambda (cons (map car bindings) body))))
                name)
          (map cadr bindings))))

(define (expand-let* form)
  (check-form form 3)
  (let ((bindings (cadr form)) (body (cddr form)))
    (if (or (null? bindings) (null? (cdr bindings)))
        (cons 'let (cons bindings body))
        (list 'let (list (car bindings))
              (cons 'let* (cons (cdr bindings) body))))))

;; letrec and letrec* both become a body with internal definitions.
(define (expand-letrec form)
  (check-form form 3)
  (list (cons 'lambda
              (cons '()
                    (append (map (lambda (b) (cons 'define b)) (cadr form))
                            (cddr form))))))

(define (expand-and form)
  (cond ((null? (cdr form)) #t)
        ((null? (cddr form)) (cadr form))
        (else (list 'if (cadr form) (cons 'and (cddr form)) #f))))

(define (expand-or form)
  (cond ((null? (cdr form)) #f)
        ((null? (cddr form)) (cadr form))
        (else
         (let ((t (fresh-name "or")))
           (list 'let (list (list t (cadr form)))
                 (list 'if t t (cons 'or (cddr form))))))))

(define (expand-when form)
  (check-form form 3)
  (list 'if (cadr form) (cons 'begin (cddr form))))

(define (expand-unless form)
  (check-form form 3)
  (list 'if (cadr form) #f (cons 'begin (cddr form))))

(define (expand-cond form)
  (let loop ((clauses (cdr form)))
    (if (null? clauses)
        '(begin)
        (let ((clause (car clauses)) (rest (cdr clauses)))
          (unless (pair? clause) (fail "malformed cond clause" clause))
          (cond ((eq? (car clause) 'else)
                 (cons 'begin (cdr clause)))
                ((null? (cdr clause))
                 (list 'or (car clause) (loop rest)))
                ((eq? (cadr clause) '=>)
                 (let ((t (fresh-name "cond")))
                   (list 'let (list (list t (car clause)))
                         (list 'if t (list (caddr clause) t) (loop rest)))))
                (else
                 (list 'if (car clause) (cons 'begin (cdr clause)) (loop rest))))))))

(define (expand-case form)
  (check-form form 2)
  (let ((key (fresh-name "key")))
    (list 'let (list (list key (cadr form)))
          (let loop ((clauses (cddr form)))
            (if (null? clauses)
                '(begin)
                (let ((clause (car clauses)))
                  (if (eq? (car clause) 'else)
                      (cons 'begin (cdr clause))
                      (list 'if
                            (list 'memv key (list 'quote (car clause)))
                            (cons 'begin (cdr clause))
                            (loop (cdr clauses))))))))))

;; (do ((var init step) ...) (test result ...) body ...)
(define (expand-do form)
  (check-form form 3)
  (let ((loop (fresh-name "do"))
        (specs (cadr form))
        (exit (caddr form)))
    (list 'let loop
          (map (lambda (s) (list (car s) (cadr s))) specs)
          (list 'if (car exit)
                (cons 'begin (if (null? (cdr exit)) '(#f) (cdr exit)))
                (cons 'begin
                      (append (cdddr form)
                              (list (cons loop
                                          (map (lambda (s) (if (null? (cddr s)) (car s) (caddr s)))
                                               specs)))))))))

(define (expand-delay form)
  (check-form form 2)
  (list 'make-promise (list 'lambda '() (cadr form))))

;; Quasiquote at nesting depth one: unquote evaluates, unquote-splicing appends.
(define (expand-quasiquote form)
  (check-form form 2)
  (quasi (cadr form) 1))

(define (quasi x depth)
  (cond ((vector? x) (list 'list->vector (quasi (vector->list x) depth)))
        ((not (pair? x)) (list 'quote x))
        ((eq? (car x) 'unquote)
         (if (= depth 1)
             (cadr x)
             (list 'list ''unquote (quasi (cadr x) (- depth 1)))))
        ((eq? (car x) 'quasiquote)
         (list 'list ''quasiquote (quasi (cadr x) (+ depth 1))))
        ((and (pair? (car x)) (eq? (caar x) 'unquote-splicing) (= depth 1))
         (list 'append (cadar x) (quasi (cdr x) depth)))
        (else (list 'cons (quasi (car x) depth) (quasi (cdr x) depth)))))

(define derived-forms
  (list (cons 'let expand-let)
        (cons 'let* expand-let*)
        (cons 'letrec expand-letrec)
        (cons 'letrec* expand-letrec)
        (cons 'and expand-and)
        (cons 'or expand-or)
        (cons 'when expand-when)
        (cons 'unless expand-unless)
        (cons 'cond expand-cond)
        (cons 'case expand-case)
        (cons 'do expand-do)
        (cons 'delay expand-delay)
        (cons 'quasiquote expand-quasiquote)))

;;;; Global environment: one cell per name, found when a reference is analysed

(define unassigned (list 'unassigned))
(define global-cells '())

(define (global-cell name)
  (let ((found (assq name global-cells)))
    (or found
        (let ((cell (cons name unassigned)))
          (set! global-cells (cons cell global-cells))
          cell))))

(define (define-global! name value) (set-cdr! (global-cell name) value))

(define (global-value name)
  (let ((value (cdr (global-cell name))))
    (if (eq? value unassigned) (fail "unbound variable" name) value)))

;;;; Scopes at analysis time, frames at run time
;;
;; A scope lists the names of one procedure's frame: its parameters, then its internal
;; definitions. A frame is a vector whose slot 0 is the enclosing frame; a variable is
;; found by its depth (frames to go up) and its slot.

(define-record-type scope
  (make-scope names parent)
  scope?
  (names scope-names set-scope-names!)
  (parent scope-parent))

(define (scope-add! scope name)
  (unless (memq name (scope-names scope))
    (set-scope-names! scope (append (scope-names scope) (list name)))))

(define (index-of name names)
  (let loop ((names names) (i 1))
    (cond ((null? names) #f)
          ((eq? (car names) name) i)
          (else (loop (cdr names) (+ i 1))))))

;; (depth . slot) or #f for a global.
(define (lookup name scope)
  (let loop ((scope scope) (depth 0))
    (if (not scope)
        #f
        (let ((i (index-of name (scope-names scope))))
          (if i (cons depth i) (loop (scope-parent scope) (+ depth 1)))))))

(define (bound-locally? name scope) (and (lookup name scope) #t))

(define (frame-up env depth)
  (if (= depth 0) env (frame-up (vector-ref env 0) (- depth 1))))

;;;; Analysis: an expression becomes a host procedure of the run-time frame

(define (analyse x scope tail?)
  (cond ((symbol? x) (analyse-variable x scope))
        ((pair? x)
         (let ((head (car x)))
           (if (and (symbol? head) (not (bound-locally? head scope)))
               (case head
                 ((quote) (check-form x 2) (let ((v (cadr x))) (lambda (env) v)))
                 ((if) (analyse-if x scope tail?))
                 ((define) (analyse-define x scope))
                 ((set!) (analyse-set x scope))
                 ((lambda) (analyse-lambda x scope (fresh-name "lambda")))
                 ((begin) (analyse-sequence (cdr x) scope tail?))
                 (else
                  (let ((derived (assq head derived-forms)))
                    (if derived
                        (analyse ((cdr derived) x) scope tail?)
                        (analyse-application x scope tail?)))))
               (analyse-application x scope tail?))))
        ((null? x) (fail "empty combination"))
        (else (lambda (env) x))))

(define (analyse-variable name scope)
  (let ((address (lookup name scope)))
    (if address
        (let ((depth (car address)) (slot (cdr address)))
          (define (checked v)
            (if (eq? v unassigned) (fail "variable used before its definition" name) v))
          (case depth
            ((0) (lambda (env) (checked (vector-ref env slot))))
            ((1) (lambda (env) (checked (vector-ref (vector-ref env 0) slot))))
            (else (lambda (env) (checked (vector-ref (frame-up env depth) slot))))))
        (let ((cell (global-cell name)))
          (lambda (env)
            (let ((v (cdr cell)))
              (if (eq? v unassigned) (fail "unbound variable" name) v)))))))

(define (analyse-if x scope tail?)
  (unless (and (list? x) (<= 3 (length x) 4)) (fail "malformed if" x))
  (let ((test (analyse (cadr x) scope #f))
        (then (analyse (caddr x) scope tail?))
        (else (if (null? (cdddr x)) (lambda (env) unspecified) (analyse (cadddr x) scope tail?))))
    (lambda (env) (if (test env) (then env) (else env)))))

(define (assigner name scope)
  (let ((address (lookup name scope)))
    (if address
        (let ((depth (car address)) (slot (cdr address)))
          (lambda (env value) (vector-set! (frame-up env depth) slot value)))
        (let ((cell (global-cell name)))
          (lambda (env value) (set-cdr! cell value))))))

;; (define (f . params) body) is (define f (lambda params body)), named f.
(define (analyse-define x scope)
  (check-form x 2)
  (let* ((target (cadr x))
         (name (if (pair? target) (car target) target))
         (value (cond ((pair? target)
                       (analyse-lambda (cons 'lambda (cons (cdr target) (cddr x))) scope name))
                      ((null? (cddr x)) (lambda (env) unspecified))
                      (else (analyse (caddr x) scope #f))))
         (assign! (assigner name scope)))
    (unless (symbol? name) (fail "cannot define" name))
    (lambda (env) (assign! env (value env)) name)))

(define (analyse-set x scope)
  (check-form x 3)
  (unless (symbol? (cadr x)) (fail "cannot assign" (cadr x)))
  (let ((value (analyse (caddr x) scope #f))
        (assign! (assigner (cadr x) scope)))
    (lambda (env) (assign! env (value env)) unspecified)))

;; Parameters: a proper list, a dotted list, or one symbol for all the arguments.
(define (parse-parameters params)
  (let loop ((p params) (required '()))
    (cond ((null? p) (values (reverse required) #f))
          ((symbol? p) (values (reverse required) p))
          ((and (pair? p) (symbol? (car p))) (loop (cdr p) (cons (car p) required)))
          (else (fail "malformed parameter list" params)))))

;; Internal definitions, also inside a body-level begin, join the procedure's frame.
(define (body-definitions body)
  (append-map (lambda (form)
                (cond ((and (pair? form) (eq? (car form) 'define) (pair? (cdr form)))
                       (let ((target (cadr form)))
                         (list (if (pair? target) (car target) target))))
                      ((and (pair? form) (eq? (car form) 'begin))
                       (body-definitions (cdr form)))
                      (else '())))
              body))

(define (analyse-lambda x scope name)
  (check-form x 3)
  (let-values (((required rest) (parse-parameters (cadr x))))
    (let ((inner (make-scope (if rest (append required (list rest)) required) scope))
          (arity (length required)))
      (for-each (lambda (n) (scope-add! inner n)) (body-definitions (cddr x)))
      (let* ((body (analyse-sequence (cddr x) inner #t))
             (size (length (scope-names inner)))
             (rest? (and rest #t)))
        (lambda (env) (make-closure name arity rest? size body env))))))

(define (analyse-sequence forms scope tail?)
  (cond ((null? forms) (lambda (env) unspecified))
        ((null? (cdr forms)) (analyse (car forms) scope tail?))
        (else
         (let ((first (analyse (car forms) scope #f))
               (rest (analyse-sequence (cdr forms) scope tail?)))
           (lambda (env) (first env) (rest env))))))

;; In tail position a call is returned as a bounce for the trampoline to make, so the host
;; stack does not grow with a loop written as a tail call.
(define (analyse-application x scope tail?)
  (unless (list? x) (fail "malformed combination" x))
  (let ((operator (analyse (car x) scope #f))
        (operands (map (lambda (o) (analyse o scope #f)) (cdr x))))
    (define (arguments env) (map (lambda (o) (o env)) operands))
    (if tail?
        (lambda (env) (make-bounce (operator env) (arguments env)))
        (case (length operands)
          ((1) (let ((a (car operands)))
                 (lambda (env) (execute (operator env) (list (a env))))))
          ((2) (let ((a (car operands)) (b (cadr operands)))
                 (lambda (env)
                   (let* ((f (operator env)) (va (a env))) (execute f (list va (b env)))))))
          (else (lambda (env) (execute (operator env) (arguments env))))))))

;;;; Calling procedures: the trampoline

(define (bind-frame proc args)
  (let ((frame (make-vector (+ 1 (closure-frame-size proc)) unassigned))
        (required (closure-required proc)))
    (vector-set! frame 0 (closure-env proc))
    (let loop ((i 1) (args args))
      (cond ((<= i required)
             (when (null? args) (fail "too few arguments to" (closure-name proc)))
             (vector-set! frame i (car args))
             (loop (+ i 1) (cdr args)))
            ((closure-rest? proc) (vector-set! frame i args))
            ((pair? args) (fail "too many arguments to" (closure-name proc)))))
    frame))

(define (call-once proc args)
  (cond ((closure? proc) ((closure-body proc) (bind-frame proc args)))
        ((primitive? proc)
         (let ((n (length args)))
           (when (or (< n (primitive-arity-min proc))
                     (and (primitive-arity-max proc) (> n (primitive-arity-max proc))))
             (fail "wrong number of arguments to" (primitive-name proc) n))
           (apply (primitive-body proc) args)))
        (else (fail "not a procedure" proc))))

(define (execute proc args)
  (let loop ((result (call-once proc args)))
    (if (bounce? result)
        (loop (call-once (bounce-procedure result) (bounce-arguments result)))
        result)))

(define (evaluate x) ((analyse x #f #f) (vector #f)))

(define (evaluate-text text)
  (let loop ((forms (read-all text)) (last unspecified))
    (if (null? forms) last (loop (cdr forms) (evaluate (car forms))))))

;;;; Printer for interpreted values

(define (print-value v port write?)
  (cond ((closure? v)
         (write-string "#<procedure " port) (write-string (symbol->string (closure-name v)) port)
         (write-char #\> port))
        ((primitive? v)
         (write-string "#<primitive " port) (write-string (symbol->string (primitive-name v)) port)
         (write-char #\> port))
        ((unspecified? v) (write-string "#<unspecified>" port))
        ((eq? v #t) (write-string "#t" port))
        ((eq? v #f) (write-string "#f" port))
        ((null? v) (write-string "()" port))
        ((number? v) (write-string (number->string v) port))
        ((symbol? v) (write-string (symbol->string v) port))
        ((string? v) (if write? (print-string-literal v port) (write-string v port)))
        ((char? v) (if write? (print-char-literal v port) (write-char v port)))
        ((vector? v)
         (write-char #\# port)
         (print-value (vector->list v) port write?))
        ((and (pair? v) (eq? (car v) 'quote) (pair? (cdr v)) (null? (cddr v)))
         (write-char #\' port)
         (print-value (cadr v) port write?))
        ((pair? v)
         (write-char #\( port)
         (print-value (car v) port write?)
         (let loop ((rest (cdr v)))
           (cond ((null? rest) (write-char #\) port))
                 ((pair? rest)
                  (write-char #\space port)
                  (print-value (car rest) port write?)
                  (loop (cdr rest)))
                 (else
                  (write-string " . " port)
                  (print-value rest port write?)
                  (write-char #\) port)))))
        ((promise-record? v) (write-string "#<promise>" port))
        (else (write-string "#<host value>" port))))

(define (print-string-literal s port)
  (write-char #\" port)
  (string-for-each
   (lambda (c)
     (case c
       ((#\") (write-string "\\\"" port))
       ((#\\) (write-string "\\\\" port))
       ((#\newline) (write-string "\\n" port))
       ((#\tab) (write-string "\\t" port))
       (else (write-char c port))))
   s)
  (write-char #\" port))

(define (print-char-literal c port)
  (write-string "#\\" port)
  (let ((named (find (lambda (entry) (char=? (cdr entry) c)) char-names)))
    (if named (write-string (car named) port) (write-char c port))))

(define (value->string v write?)
  (let ((port (open-output-string)))
    (print-value v port write?)
    (get-output-string port)))

;;;; Promises of the interpreted language: forced once, by the trampoline

(define-record-type promise-record
  (make-promise-record thunk done? value)
  promise-record?
  (thunk promise-thunk set-promise-thunk!)
  (done? promise-done? set-promise-done!)
  (value promise-value set-promise-value!))

(define (force-promise p)
  (cond ((not (promise-record? p)) p)
        ((promise-done? p) (promise-value p))
        (else
         (let ((v (execute (promise-thunk p) '())))
           (unless (promise-done? p)
             (set-promise-value! p v)
             (set-promise-done! p #t)
             (set-promise-thunk! p #f))
           (promise-value p)))))

;;;; Primitive procedures

(define (define-primitive! name arity-min arity-max body)
  (define-global! name (make-primitive name arity-min arity-max body)))

;; (name min max host-procedure): host procedures that need no help from the interpreter.
(define host-primitives
  (list
   (list '+ 0 #f +) (list '- 1 #f -) (list '* 0 #f *) (list '/ 1 #f /)
   (list '= 1 #f =) (list '< 1 #f <) (list '> 1 #f >) (list '<= 1 #f <=) (list '>= 1 #f >=)
   (list 'quotient 2 2 quotient) (list 'remainder 2 2 remainder) (list 'modulo 2 2 modulo)
   (list 'abs 1 1 abs) (list 'min 1 #f min) (list 'max 1 #f max) (list 'gcd 0 #f gcd)
   (list 'expt 2 2 expt) (list 'sqrt 1 1 sqrt) (list 'exact 1 1 exact) (list 'inexact 1 1 inexact)
   (list 'number? 1 1 number?) (list 'integer? 1 1 integer?) (list 'zero? 1 1 zero?)
   (list 'positive? 1 1 positive?) (list 'negative? 1 1 negative?)
   (list 'even? 1 1 even?) (list 'odd? 1 1 odd?)
   (list 'number->string 1 2 number->string) (list 'string->number 1 2 string->number)
   (list 'cons 2 2 cons) (list 'car 1 1 car) (list 'cdr 1 1 cdr)
   (list 'cadr 1 1 cadr) (list 'cddr 1 1 cddr) (list 'caar 1 1 caar) (list 'cdar 1 1 cdar)
   (list 'caddr 1 1 caddr) (list 'set-car! 2 2 set-car!) (list 'set-cdr! 2 2 set-cdr!)
   (list 'pair? 1 1 pair?) (list 'null? 1 1 null?) (list 'list? 1 1 list?)
   (list 'list 0 #f list) (list 'length 1 1 length) (list 'append 0 #f append)
   (list 'reverse 1 1 reverse) (list 'list-tail 2 2 list-tail)
   (list 'memq 2 2 memq) (list 'memv 2 2 memv) (list 'assq 2 2 assq) (list 'assv 2 2 assv)
   (list 'eq? 2 2 eq?) (list 'eqv? 2 2 eqv?) (list 'equal? 2 2 equal?) (list 'not 1 1 not)
   (list 'symbol? 1 1 symbol?) (list 'string? 1 1 string?) (list 'char? 1 1 char?)
   (list 'boolean? 1 1 boolean?) (list 'vector? 1 1 vector?)
   (list 'symbol->string 1 1 symbol->string) (list 'string->symbol 1 1 string->symbol)
   (list 'string-length 1 1 string-length) (list 'string-ref 2 2 string-ref)
   (list 'substring 2 3 substring) (list 'string-append 0 #f string-append)
   (list 'string=? 1 #f string=?) (list 'string<? 1 #f string<?)
   (list 'string->list 1 1 string->list) (list 'list->string 1 1 list->string)
   (list 'string-upcase 1 1 string-upcase) (list 'string-downcase 1 1 string-downcase)
   (list 'make-string 1 2 make-string) (list 'string-copy 1 3 string-copy)
   (list 'char->integer 1 1 char->integer) (list 'integer->char 1 1 integer->char)
   (list 'char-upcase 1 1 char-upcase) (list 'char-downcase 1 1 char-downcase)
   (list 'char-alphabetic? 1 1 char-alphabetic?) (list 'char-numeric? 1 1 char-numeric?)
   (list 'char-whitespace? 1 1 char-whitespace?)
   (list 'char=? 1 #f char=?) (list 'char<? 1 #f char<?)
   (list 'make-vector 1 2 make-vector) (list 'vector 0 #f vector)
   (list 'vector-length 1 1 vector-length) (list 'vector-ref 2 2 vector-ref)
   (list 'vector-set! 3 3 (lambda (v i x) (vector-set! v i x) unspecified))
   (list 'vector->list 1 1 vector->list) (list 'list->vector 1 1 list->vector)
   (list 'vector-fill! 2 2 (lambda (v x) (vector-fill! v x) unspecified))))

(for-each (lambda (p) (apply define-primitive! p)) host-primitives)

;; Primitives that call back into interpreted code hand the call to the trampoline.
(define-primitive! 'apply 2 #f
  (lambda (f . args)
    (let loop ((args args) (spread '()))
      (if (null? (cdr args))
          (make-bounce f (append (reverse spread) (car args)))
          (loop (cdr args) (cons (car args) spread))))))

(define-primitive! 'procedure? 1 1 (lambda (x) (or (closure? x) (primitive? x))))

;; An escape continuation from the host's own: call/ec may only leave, never re-enter.
(define-primitive! 'call/ec 1 1
  (lambda (f)
    (call/cc
     (lambda (k)
       (execute f (list (make-primitive 'escape 1 1 k)))))))

(define-primitive! 'make-promise 1 1 (lambda (thunk) (make-promise-record thunk #f #f)))
(define-primitive! 'force 1 1 force-promise)

(define-primitive! 'error 1 #f (lambda (message . irritants) (apply fail message irritants)))

(define output-port (open-output-string))
(define-primitive! 'display 1 1 (lambda (v) (print-value v output-port #f) unspecified))
(define-primitive! 'write 1 1 (lambda (v) (print-value v output-port #t) unspecified))
(define-primitive! 'newline 0 0 (lambda () (newline output-port) unspecified))
(define-primitive! 'value->string 1 1 (lambda (v) (value->string v #t)))
(define-primitive! 'eval 1 1 evaluate)
(define-primitive! 'read-from-string 1 1 (lambda (s) (car (read-all s))))

(define-primitive! 'try 2 2
  (lambda (thunk handler)
    (guard (e ((interpreter-error? e)
               (execute handler
                        (list (interpreter-error-message e) (interpreter-error-irritants e)))))
      (execute thunk '()))))

;;;; The standard library, written in the interpreted language

(define prelude "
(define (caddr x) (car (cddr x)))
(define (list-ref lst k) (if (= k 0) (car lst) (list-ref (cdr lst) (- k 1))))
(define (last-pair lst) (if (pair? (cdr lst)) (last-pair (cdr lst)) lst))
(define (iota n . start)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0) acc (loop (- i 1) (cons (+ i (if (null? start) 0 (car start))) acc)))))
(define (map1 f lst)
  (if (null? lst) '() (let ((head (f (car lst)))) (cons head (map1 f (cdr lst))))))
(define (map f lst . more)
  (if (null? more)
      (map1 f lst)
      (let loop ((lists (cons lst more)))
        (if (memq '() lists)
            '()
            (cons (apply f (map1 car lists)) (loop (map1 cdr lists)))))))
(define (for-each f lst)
  (unless (null? lst) (f (car lst)) (for-each f (cdr lst))))
(define (filter keep? lst)
  (cond ((null? lst) '())
        ((keep? (car lst)) (cons (car lst) (filter keep? (cdr lst))))
        (else (filter keep? (cdr lst)))))
(define (remove drop? lst) (filter (lambda (x) (not (drop? x))) lst))
(define (fold-left f acc lst) (if (null? lst) acc (fold-left f (f acc (car lst)) (cdr lst))))
(define (fold-right f acc lst) (if (null? lst) acc (f (car lst) (fold-right f acc (cdr lst)))))
(define (reduce f initial lst) (if (null? lst) initial (fold-left f (car lst) (cdr lst))))
(define (any ok? lst) (and (pair? lst) (or (ok? (car lst)) (any ok? (cdr lst)))))
(define (every ok? lst) (or (null? lst) (and (ok? (car lst)) (every ok? (cdr lst)))))
(define (find ok? lst)
  (cond ((null? lst) #f) ((ok? (car lst)) (car lst)) (else (find ok? (cdr lst)))))
(define (count ok? lst) (fold-left (lambda (n x) (if (ok? x) (+ n 1) n)) 0 lst))
(define (member x lst)
  (cond ((null? lst) #f) ((equal? x (car lst)) lst) (else (member x (cdr lst)))))
(define (assoc key alist)
  (cond ((null? alist) #f) ((equal? key (caar alist)) (car alist)) (else (assoc key (cdr alist)))))
(define (delete-duplicates lst)
  (let loop ((lst lst) (seen '()))
    (cond ((null? lst) (reverse seen))
          ((member (car lst) seen) (loop (cdr lst) seen))
          (else (loop (cdr lst) (cons (car lst) seen))))))
(define (take lst n) (if (= n 0) '() (cons (car lst) (take (cdr lst) (- n 1)))))
(define (drop lst n) (if (= n 0) lst (drop (cdr lst) (- n 1))))
(define (merge less? a b)
  (cond ((null? a) b)
        ((null? b) a)
        ((less? (car b) (car a)) (cons (car b) (merge less? a (cdr b))))
        (else (cons (car a) (merge less? (cdr a) b)))))
(define (sort lst less?)
  (let ((n (length lst)))
    (if (< n 2)
        lst
        (let ((half (quotient n 2)))
          (merge less? (sort (take lst half) less?) (sort (drop lst half) less?))))))
(define (vector-map f v) (list->vector (map f (vector->list v))))
(define (vector-for-each f v)
  (let loop ((i 0)) (when (< i (vector-length v)) (f (vector-ref v i)) (loop (+ i 1)))))
(define (vector-swap! v i j)
  (let ((t (vector-ref v i))) (vector-set! v i (vector-ref v j)) (vector-set! v j t)))
(define (string-join strings separator)
  (if (null? strings)
      \"\"
      (fold-left (lambda (acc s) (string-append acc separator s)) (car strings) (cdr strings))))
(define (string-split text separator)
  (let loop ((chars (string->list text)) (word '()) (words '()))
    (define (finish) (cons (list->string (reverse word)) words))
    (cond ((null? chars) (reverse (finish)))
          ((char=? (car chars) separator) (loop (cdr chars) '() (finish)))
          (else (loop (cdr chars) (cons (car chars) word) words)))))
(define (string-reverse s) (list->string (reverse (string->list s))))
(define (string-repeat s n) (if (= n 0) \"\" (string-append s (string-repeat s (- n 1)))))
(define (compose . fs)
  (if (null? fs) (lambda (x) x) (lambda (x) ((car fs) ((apply compose (cdr fs)) x)))))
(define (make-counter)
  (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
(define (assoc-update alist key update default)
  (cond ((null? alist) (list (cons key (update default))))
        ((equal? (caar alist) key) (cons (cons key (update (cdar alist))) (cdr alist)))
        (else (cons (car alist) (assoc-update (cdr alist) key update default)))))
")

;;;; The test program, in the interpreted language

(define test-program "
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))

(define (tak x y z)
  (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))

;; A linear congruential sequence small enough to stay a fixnum everywhere.
(define (random-list n seed)
  (let loop ((i 0) (x seed) (acc '()))
    (if (= i n) acc
        (let ((next (modulo (+ (* x 75) 74) 65537))) (loop (+ i 1) next (cons next acc))))))

(define (sorted? lst less?)
  (or (null? lst) (null? (cdr lst))
      (and (not (less? (cadr lst) (car lst))) (sorted? (cdr lst) less?))))

(define (vector-sort! v less?)
  (let outer ((i 1))
    (when (< i (vector-length v))
      (let inner ((j i))
        (when (and (> j 0) (less? (vector-ref v j) (vector-ref v (- j 1))))
          (vector-swap! v j (- j 1))
          (inner (- j 1))))
      (outer (+ i 1)))))

(define (number-words n)
  (string-join (map (lambda (i) (string-append \"w\" (number->string (* i i)))) (iota n)) \" \"))

(define (word-frequencies words)
  (fold-left (lambda (table w) (assoc-update table (string-length w) (lambda (c) (+ c 1)) 0))
             '() words))

(define (count-down n) (if (= n 0) 'done (count-down (- n 1))))

(define (first-square-over limit)
  (call/ec (lambda (return)
             (for-each (lambda (i) (when (> (* i i) limit) (return i))) (iota 1000))
             'none)))

(define (queens n)
  (define (safe? col placed)
    (let check ((rest placed) (d 1))
      (or (null? rest)
          (and (not (= (car rest) col)) (not (= (abs (- (car rest) col)) d))
               (check (cdr rest) (+ d 1))))))
  (let place ((row 0) (placed '()))
    (if (= row n)
        1
        (fold-left (lambda (total col)
                     (if (safe? col placed) (+ total (place (+ row 1) (cons col placed))) total))
                   0 (iota n)))))

(define (run-test-program)
  (let* ((numbers (random-list 300 7))
         (sorted (sort numbers <))
         (v (list->vector (take numbers 80)))
         (text (number-words 120))
         (words (string-split text #\\space))
         (freq (sort (word-frequencies words) (lambda (a b) (< (car a) (car b)))))
         (counter (make-counter))
         (add-then-double (compose (lambda (x) (* 2 x)) (lambda (x) (+ x 1))))
         (p (delay (begin (counter) (fib 10)))))
    (vector-sort! v <)
    (counter) (counter)
    (list (fib 18)
          (tak 12 8 4)
          (sorted? sorted <)
          (car sorted)
          (sorted? (vector->list v) <)
          (string-length text)
          (length words)
          freq
          (count-down 20000)
          (first-square-over 5000)
          (queens 6)
          (+ (force p) (force p) (counter))
          (add-then-double 20)
          `(1 ,@(map fib '(5 6)) ,(string-upcase \"ok\")))))
")

;;;; Small checks: each source text and the text of what it should print

(define checks
  '(("(+ 1 2 3)" . "6")
    ("(let ((x 2) (y 3)) (* x y))" . "6")
    ("(let* ((x 2) (y (* x 5))) (- y x))" . "8")
    ("(letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1)))))
               (od? (lambda (n) (if (= n 0) #f (ev? (- n 1))))))
        (ev? 100))"
     . "#t")
    ("(let loop ((i 0) (acc '())) (if (= i 4) acc (loop (+ i 1) (cons i acc))))" . "(3 2 1 0)")
    ("(cond ((assv 2 '((1 . one) (2 . two))) => cdr) (else 'none))" . "two")
    ("(case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite))" . "composite")
    ("(and 1 2 'three)" . "three")
    ("(or #f (memq 'c '(a b c d)))" . "(c d)")
    ("(do ((i 0 (+ i 1)) (s 0 (+ s i))) ((= i 5) s))" . "10")
    ("(when (> 3 2) 'yes)" . "yes")
    ("(unless (> 3 2) 'yes)" . "#f")
    ("`(a ,(+ 1 2) ,@(list 4 5) b)" . "(a 3 4 5 b)")
    ("`#(1 ,(* 2 3))" . "#(1 6)")
    ("(define (f . xs) xs) (f 1 2 3)" . "(1 2 3)")
    ("(define (g a #!optional) a) 1" . "error")
    ("(define (h a . rest) (list a rest)) (h 1)" . "(1 ())")
    ("((lambda args (length args)) 1 2 3 4)" . "4")
    ("(apply + 1 2 '(3 4))" . "10")
    ("(map + '(1 2 3) '(10 20 30))" . "(11 22 33)")
    ("(let ((v (make-vector 3 0))) (vector-set! v 1 'x) v)" . "#(0 x 0)")
    ("(string-append \"ab\" (string #\\c))" . "error")
    ("(list->string (list #\\a #\\space #\\b))" . "\"a b\"")
    ("(list 'quote 'x)" . "'x")
    ("(cons 1 2)" . "(1 . 2)")
    ("'(1 (2 \"three\" #\\4) . 5)" . "(1 (2 \"three\" #\\4) . 5)")
    ("(string->symbol \"hello\")" . "hello")
    ("(reverse (iota 5 1))" . "(5 4 3 2 1)")
    ("(sort '(3 1 2 5 4) <)" . "(1 2 3 4 5)")
    ("(delete-duplicates '(a b a c b))" . "(a b c)")
    ("(fold-right cons '() '(1 2 3))" . "(1 2 3)")
    ("(reduce max 0 '(3 9 2))" . "9")
    ("(string-join (list \"a\" \"b\" \"c\") \"-\")" . "\"a-b-c\"")
    ("(string-reverse \"stressed\")" . "\"desserts\"")
    ("(let ((c (make-counter))) (c) (c) (c))" . "3")
    ("(define x 10) (define (get) x) (set! x 20) (get)" . "20")
    ("(define (outer) (define a 1) (define (inner) (+ a 1)) (inner)) (outer)" . "2")
    ("(call/ec (lambda (k) (+ 1 (k 42))))" . "42")
    ("(try (lambda () (car 1) 'no) (lambda (m i) 'caught))" . "error")
    ("(try (lambda () (error \"bad thing\" 1 2)) (lambda (m i) (list m i)))"
     . "(\"bad thing\" (1 2))")
    ("(try (lambda () undefined-name) (lambda (m i) i))" . "(undefined-name)")
    ("(try (lambda () ((lambda (a) a))) (lambda (m i) m))" . "\"too few arguments to\"")
    ("(eval '(* 6 7))" . "42")
    ("(value->string (read-from-string \"(a . (b . (c)))\"))" . "\"(a b c)\"")
    ("(force (delay (+ 1 2)))" . "3")
    ("(let ((p (lambda (x) x))) (procedure? p))" . "#t")
    ("(vector-map (lambda (x) (* x x)) #(1 2 3))" . "#(1 4 9)")
    ("(count even? (iota 10))" . "5")
    ("(any negative? '(1 -2 3))" . "#t")
    ("(every positive? '(1 -2 3))" . "#f")))

;; A check whose expected text is "error" must raise an interpreter error.
(define (run-check check)
  (let ((expected (cdr check)))
    (guard (e ((interpreter-error? e) (string=? expected "error"))
              ((error-object? e) (string=? expected "error")))
      (string=? expected (value->string (evaluate-text (car check)) #t)))))

(define (failed-checks)
  (map car (remove run-check checks)))

;;;; Running everything

(define (boot-interpreter)
  (set! global-cells (filter (lambda (cell) (primitive? (cdr cell))) global-cells))
  (evaluate-text prelude))

(define (run-all)
  (boot-interpreter)
  (let ((failures (failed-checks))
        (result (evaluate-text (string-append test-program "(run-test-program)"))))
    (if (null? failures)
        (value->string result #t)
        (value->string (cons 'failed failures) #t))))

(run-all)
