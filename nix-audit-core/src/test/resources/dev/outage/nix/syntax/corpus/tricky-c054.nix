with {}; ''
    ''\t a
  b''