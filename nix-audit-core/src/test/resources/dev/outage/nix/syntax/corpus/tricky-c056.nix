with {}; ''
  ${x} a
   b
  ''