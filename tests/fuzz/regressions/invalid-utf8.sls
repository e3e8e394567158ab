// Invalid UTF-8 was an I/O error with no place.
queue Q
queue ÿþ
