// The Scheme program both tests run: a generator made of call/cc, whose continuations are
// re-entered after the procedure that captured them has returned.
export const CALLCC_PROGRAM = `
(import (scheme base) (scheme write))

(define (make-counter-generator limit)
  (define return #f)
  (define (resume-loop)
    (let loop ((i 0))
      (when (< i limit)
        (call/cc (lambda (resume) (set! resume-loop (lambda () (resume #f))) (return i)))
        (loop (+ i 1))))
    (return 'done))
  (lambda () (call/cc (lambda (k) (set! return k) (resume-loop)))))

(define next (make-counter-generator 3))
(let loop ((v (next)) (seen '()))
  (display v)
  (newline)
  (if (eq? v 'done) (reverse seen) (loop (next) (cons (* v v) seen))))
`;

export const CALLCC_OUTPUT = "0\n1\n2\ndone\n";
export const CALLCC_VALUE = "(0 1 4)";
