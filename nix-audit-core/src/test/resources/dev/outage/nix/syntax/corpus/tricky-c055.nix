with {}; ''  a
  b''