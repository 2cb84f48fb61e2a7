;; Counts the placements of n queens on an n-by-n board, row by row, backtracking.
;; Placed queens are a list of columns, the latest row first; a new queen is safe when no
;; earlier one shares its column or a diagonal (column distance equal to row distance).

(define (safe? column placed)
  (let check ((rest placed) (distance 1))
    (cond ((null? rest) #t)
          ((or (= (car rest) column)
               (= (abs (- (car rest) column)) distance))
           #f)
          (else (check (cdr rest) (+ distance 1))))))

(define (count-queens n)
  (define (place row placed)
    (if (= row n)
        1
        (let try ((column 0) (found 0))
          (if (= column n)
              found
              (try (+ column 1)
                   (if (safe? column placed)
                       (+ found (place (+ row 1) (cons column placed)))
                       found))))))
  (place 0 '()))

(list (count-queens 8) (count-queens 9))
