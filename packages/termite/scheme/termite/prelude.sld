;; The standard procedures that call back into Scheme (map, for-each, force, sort...).
;; Written in Scheme so that they follow the frame protocol like any Scheme code: a continuation
;; can be captured inside the procedure passed to `map`, a process can block inside `for-each`.
;; The system boots this library and re-exports its names from (scheme base), (srfi 1), etc.

(define-library (termite prelude)
  (import (except (scheme base) member assoc make-parameter) (scheme cxr) (termite internal)
          (only (srfi 1) last-pair) (only (scheme file) open-input-file open-output-file))
  (export map for-each vector-map vector-for-each string-map string-for-each
          member assoc make-parameter with-parameters
          make-lazy-promise make-promise promise? force
          call-with-port call-with-output-string call-with-input-string
          with-output-to-string
          call-with-input-file call-with-output-file with-input-from-file with-output-to-file
          fold fold-left fold-right reduce filter remove partition find find-tail any every
          list-index delete delete! filter-map append-map count delete-duplicates
          list-tabulate assq-ref sort list-sort vector-sort)
  (begin
    (define (%any-null? lists)
      (if (null? lists) #f (if (null? (car lists)) #t (%any-null? (cdr lists)))))

    (define (map f l . ls)
      (if (null? ls)
          (let loop ((l l) (acc '()))
            (if (pair? l) (loop (cdr l) (cons (f (car l)) acc)) (reverse acc)))
          (let loop ((ls (cons l ls)) (acc '()))
            (if (%any-null? ls)
                (reverse acc)
                (loop (%cdrs ls) (cons (apply f (%cars ls)) acc))))))

    (define (%cars ls) (if (null? ls) '() (cons (caar ls) (%cars (cdr ls)))))
    (define (%cdrs ls) (if (null? ls) '() (cons (cdar ls) (%cdrs (cdr ls)))))

    (define (for-each f l . ls)
      (if (null? ls)
          (let loop ((l l))
            (if (pair? l) (begin (f (car l)) (loop (cdr l)))))
          (let loop ((ls (cons l ls)))
            (if (not (%any-null? ls))
                (begin (apply f (%cars ls)) (loop (%cdrs ls)))))))

    (define (vector-map f v . vs)
      (if (null? vs)
          (let* ((n (vector-length v)) (out (make-vector n)))
            (let loop ((i 0))
              (if (< i n)
                  (begin (vector-set! out i (f (vector-ref v i))) (loop (+ i 1)))
                  out)))
          (list->vector (apply map f (vector->list v) (map vector->list vs)))))

    (define (vector-for-each f v . vs)
      (if (null? vs)
          (let ((n (vector-length v)))
            (let loop ((i 0))
              (if (< i n) (begin (f (vector-ref v i)) (loop (+ i 1))))))
          (apply for-each f (vector->list v) (map vector->list vs))))

    (define (string-map f s . ss)
      (list->string (apply map f (string->list s) (map string->list ss))))

    (define (string-for-each f s . ss)
      (apply for-each f (string->list s) (map string->list ss)))

    (define (member x l . compare)
      (if (null? compare)
          (%member x l)
          (let ((same? (car compare)))
            (let loop ((l l))
              (cond ((not (pair? l)) #f)
                    ((same? x (car l)) l)
                    (else (loop (cdr l))))))))

    (define (assoc x l . compare)
      (if (null? compare)
          (%assoc x l)
          (let ((same? (car compare)))
            (let loop ((l l))
              (cond ((not (pair? l)) #f)
                    ((same? x (caar l)) (car l))
                    (else (loop (cdr l))))))))

    (define (make-parameter value . converter)
      (if (null? converter)
          (%make-parameter value)
          (%make-parameter ((car converter) value) (car converter))))

    ;; parameterize: convert each value with its parameter's converter, then bind.
    (define (with-parameters params values thunk)
      (%with-parameter-bindings
       params
       (map (lambda (p v)
              (let ((convert (parameter-converter p)))
                (if convert (convert v) v)))
            params values)
       thunk))

    ;; R7RS §4.2.5 promises: iterative forcing of delay-force chains.
    (define (make-lazy-promise thunk) (make-promise-record #f thunk))
    (define (make-promise v) (if (promise-record? v) v (make-promise-record #t v)))
    (define (promise? x) (promise-record? x))
    (define (force p)
      (if (not (promise-record? p))
          p
          (if (promise-done? p)
              (promise-value p)
              (let ((p2 ((promise-value p))))
                (if (not (promise-done? p)) (promise-update! p (make-promise p2)))
                (force p)))))

    (define (call-with-port port proc)
      (call-with-values (lambda () (proc port))
        (lambda results (close-port port) (apply values results))))
    ;; (scheme file): the port is closed when proc or thunk returns, not when it escapes.
    (define (call-with-input-file name proc) (call-with-port (open-input-file name) proc))
    (define (call-with-output-file name proc) (call-with-port (open-output-file name) proc))
    (define (with-input-from-file name thunk)
      (%with-file-port current-input-port (open-input-file name) thunk))
    (define (with-output-to-file name thunk)
      (%with-file-port current-output-port (open-output-file name) thunk))
    (define (%with-file-port parameter port thunk)
      (call-with-values (lambda () (%with-parameter-bindings (list parameter) (list port) thunk))
        (lambda results (close-port port) (apply values results))))
    (define (call-with-output-string proc)
      (let ((port (open-output-string))) (proc port) (get-output-string port)))
    (define (call-with-input-string s proc) (proc (open-input-string s)))
    (define (with-output-to-string thunk)
      (let ((port (open-output-string)))
        (%with-parameter-bindings (list current-output-port) (list port) thunk)
        (get-output-string port)))

    ;; SRFI 1, the procedures that take procedures.
    (define (fold kons knil l . ls)
      (if (null? ls)
          (let loop ((l l) (acc knil))
            (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
          (let loop ((ls (cons l ls)) (acc knil))
            (if (%any-null? ls) acc (loop (%cdrs ls) (apply kons (append (%cars ls) (list acc))))))))
    (define (fold-left f acc l)
      (if (pair? l) (fold-left f (f acc (car l)) (cdr l)) acc))
    (define (fold-right kons knil l . ls)
      (if (null? ls)
          (let loop ((l (reverse l)) (acc knil))
            (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
          (let loop ((ls (map reverse (cons l ls))) (acc knil))
            (if (%any-null? ls) acc (loop (%cdrs ls) (apply kons (append (%cars ls) (list acc))))))))
    (define (reduce f ridentity l)
      (if (null? l) ridentity (fold f (car l) (cdr l))))
    (define (filter pred l)
      (let loop ((l l) (acc '()))
        (cond ((null? l) (reverse acc))
              ((pred (car l)) (loop (cdr l) (cons (car l) acc)))
              (else (loop (cdr l) acc)))))
    (define (remove pred l) (filter (lambda (x) (not (pred x))) l))
    (define (partition pred l)
      (let loop ((l l) (in '()) (out '()))
        (cond ((null? l) (values (reverse in) (reverse out)))
              ((pred (car l)) (loop (cdr l) (cons (car l) in) out))
              (else (loop (cdr l) in (cons (car l) out))))))
    (define (find pred l)
      (let ((tail (find-tail pred l))) (if tail (car tail) #f)))
    (define (find-tail pred l)
      (let loop ((l l))
        (cond ((not (pair? l)) #f) ((pred (car l)) l) (else (loop (cdr l))))))
    (define (any pred l . ls)
      (if (null? ls)
          (let loop ((l l))
            (cond ((null? l) #f) ((pred (car l)) => (lambda (x) x)) (else (loop (cdr l)))))
          (let loop ((ls (cons l ls)))
            (cond ((%any-null? ls) #f) ((apply pred (%cars ls)) => (lambda (x) x)) (else (loop (%cdrs ls)))))))
    (define (every pred l . ls)
      (if (null? ls)
          (let loop ((l l) (last #t))
            (if (null? l) last (let ((r (pred (car l)))) (if r (loop (cdr l) r) #f))))
          (let loop ((ls (cons l ls)) (last #t))
            (if (%any-null? ls) last (let ((r (apply pred (%cars ls)))) (if r (loop (%cdrs ls) r) #f))))))
    (define (list-index pred l . ls)
      (if (null? ls)
          (let loop ((l l) (i 0))
            (cond ((null? l) #f) ((pred (car l)) i) (else (loop (cdr l) (+ i 1)))))
          (let loop ((ls (cons l ls)) (i 0))
            (cond ((%any-null? ls) #f) ((apply pred (%cars ls)) i) (else (loop (%cdrs ls) (+ i 1)))))))
    (define (delete x l . compare)
      (let ((same? (if (null? compare) equal? (car compare))))
        (filter (lambda (y) (not (same? x y))) l)))
    (define (delete! x l . compare) (apply delete x l compare))
    ;; SRFI 1: these take one list or several, stopping at the shortest.
    (define (filter-map f l . ls)
      (let loop ((l (apply map f l ls)) (acc '()))
        (if (null? l) (reverse acc) (loop (cdr l) (if (car l) (cons (car l) acc) acc)))))
    (define (append-map f l . ls) (apply append (apply map f l ls)))
    (define (count pred l . ls)
      (if (null? ls)
          (let loop ((l l) (n 0)) (if (null? l) n (loop (cdr l) (if (pred (car l)) (+ n 1) n))))
          (let loop ((ls (cons l ls)) (n 0))
            (if (%any-null? ls) n (loop (%cdrs ls) (if (apply pred (%cars ls)) (+ n 1) n))))))
    (define (delete-duplicates l . compare)
      (let ((same? (if (null? compare) equal? (car compare))))
        (let loop ((l l) (acc '()))
          (cond ((null? l) (reverse acc))
                ((member (car l) acc same?) (loop (cdr l) acc))
                (else (loop (cdr l) (cons (car l) acc)))))))
    (define (list-tabulate n f)
      (let loop ((i (- n 1)) (acc '()))
        (if (< i 0) acc (loop (- i 1) (cons (f i) acc)))))
    (define (assq-ref alist key) (let ((p (assq key alist))) (and p (cdr p))))

    ;; A stable merge sort; (sort seq less?) as Gambit has it, (list-sort less? seq) as SRFI 132.
    (define (%merge a b less?)
      (let loop ((a a) (b b) (acc '()))
        (cond ((null? a) (append (reverse acc) b))
              ((null? b) (append (reverse acc) a))
              ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
              (else (loop (cdr a) b (cons (car a) acc))))))
    (define (%sort-list l less?)
      (let ((n (length l)))
        (if (< n 2)
            l
            (let ((half (quotient n 2)))
              (%merge (%sort-list (list-head l half) less?) (%sort-list (list-tail l half) less?) less?)))))
    (define (list-head l k) (if (= k 0) '() (cons (car l) (list-head (cdr l) (- k 1)))))
    (define (sort seq less?)
      (if (vector? seq) (list->vector (%sort-list (vector->list seq) less?)) (%sort-list seq less?)))
    (define (list-sort less? l) (%sort-list l less?))
    (define (vector-sort less? v) (list->vector (%sort-list (vector->list v) less?)))))

;; What the standard libraries take from the prelude, one sub-library each: the system re-exports
;; the exports of (termite prelude LIB...) from (LIB...) and defines them as LIB's globals
;; (`scheme/lazy#force`), which the expander's derived forms refer to. The one list of it.

(define-library (termite prelude scheme base)
  (import (termite prelude))
  (export map for-each vector-map vector-for-each string-map string-for-each member assoc
          make-parameter call-with-port))

(define-library (termite prelude scheme lazy)
  (import (termite prelude))
  (export make-promise promise? force))

(define-library (termite prelude scheme file)
  (import (termite prelude))
  (export call-with-input-file call-with-output-file with-input-from-file with-output-to-file))

(define-library (termite prelude termite internal)
  (import (termite prelude))
  (export with-parameters make-lazy-promise))

(define-library (termite prelude termite extras)
  (import (termite prelude))
  (export call-with-output-string call-with-input-string with-output-to-string sort list-sort))

(define-library (termite prelude srfi 1)
  (import (termite prelude))
  (export fold fold-right reduce filter remove partition find find-tail any every list-index
          delete delete! filter-map append-map count delete-duplicates list-tabulate member assoc
          map for-each))

(define-library (termite prelude srfi 132)
  (import (termite prelude))
  (export list-sort vector-sort))
