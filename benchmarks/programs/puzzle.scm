;; A packing puzzle: count the ways to tile a rectangle with distinct pentominoes (any of the
;; twelve, each at most once), turned and flipped freely. The search fills the first empty square
;; in reading order with every orientation of an unused piece that covers it, and backtracks.
;;
;; The board is a vector with one wall column at the right and wall rows at the bottom, so a
;; piece that sticks out of the rectangle hits a wall instead of needing a bounds check.

;; Each piece is drawn as rows of a picture; # marks a square.
(define pieces
  '((F ".##" "##." ".#.")
    (I "#####")
    (L "####" "#...")
    (N "###." "..##")
    (P "###" "##.")
    (T "###" ".#." ".#.")
    (U "#.#" "###")
    (V "#.." "#.." "###")
    (W "#.." "##." ".##")
    (X ".#." "###" ".#.")
    (Y "####" ".#..")
    (Z "##." ".#." ".##")))

;; The squares of a picture as (row . column) pairs.
(define (picture->cells rows)
  (let loop ((rows rows) (r 0) (cells '()))
    (if (null? rows)
        (reverse cells)
        (let ((row (car rows)))
          (loop (cdr rows)
                (+ r 1)
                (let scan ((c 0) (cells cells))
                  (cond ((= c (string-length row)) cells)
                        ((char=? (string-ref row c) #\#) (scan (+ c 1) (cons (cons r c) cells)))
                        (else (scan (+ c 1) cells)))))))))

(define (turn cells) (map (lambda (rc) (cons (cdr rc) (- (car rc)))) cells))
(define (flip cells) (map (lambda (rc) (cons (car rc) (- (cdr rc)))) cells))

(define (cell<? a b)
  (or (< (car a) (car b))
      (and (= (car a) (car b)) (< (cdr a) (cdr b)))))

;; Sorted in reading order and moved so that the first square is at (0 . 0): two shapes that
;; are the same orientation then compare equal?.
(define (normalize cells)
  (let* ((sorted (list-sort cell<? cells))
         (origin (car sorted)))
    (map (lambda (rc) (cons (- (car rc) (car origin)) (- (cdr rc) (cdr origin)))) sorted)))

(define (orientations cells)
  (let loop ((k 0) (shape cells) (found '()))
    (if (= k 8)
        found
        (let* ((next (if (= k 3) (flip (turn shape)) (turn shape)))
               (n (normalize shape)))
          (loop (+ k 1) next (if (member n found) found (cons n found)))))))

;; An orientation as board offsets from its first square, for a board row of `stride` slots.
(define (offsets shape stride)
  (map (lambda (rc) (+ (* (car rc) stride) (cdr rc))) (cdr shape)))

(define (solve height width)
  (let* ((stride (+ width 1))
         (size (* (+ height 5) stride))
         (board (make-vector size 'wall))
         (names (list->vector (map car pieces)))
         (shapes (list->vector
                  (map (lambda (p) (map (lambda (o) (offsets o stride))
                                        (orientations (picture->cells (cdr p)))))
                       pieces)))
         (used (make-vector (vector-length names) #f))
         (solutions 0))
    (define (fits? at offs)
      (or (null? offs)
          (and (not (vector-ref board (+ at (car offs))))
               (fits? at (cdr offs)))))
    (define (mark! at offs name)
      (vector-set! board at name)
      (for-each (lambda (o) (vector-set! board (+ at o) name)) offs))
    (define (first-empty from)
      (cond ((= from size) #f)
            ((vector-ref board from) (first-empty (+ from 1)))
            (else from)))
    (define (place from)
      (let ((at (first-empty from)))
        (if (not at)
            (set! solutions (+ solutions 1))
            (do ((p 0 (+ p 1))) ((= p (vector-length names)))
              (unless (vector-ref used p)
                (vector-set! used p #t)
                (for-each (lambda (offs)
                            (when (fits? at offs)
                              (mark! at offs (vector-ref names p))
                              (place at)
                              (mark! at offs #f)))
                          (vector-ref shapes p))
                (vector-set! used p #f))))))
    (do ((r 0 (+ r 1))) ((= r height))
      (do ((c 0 (+ c 1))) ((= c width))
        (vector-set! board (+ (* r stride) c) #f)))
    (place 0)
    solutions))

(define (orientation-count)
  (apply + (map (lambda (p) (length (orientations (picture->cells (cdr p))))) pieces)))

(list (orientation-count) (solve 10 3))
