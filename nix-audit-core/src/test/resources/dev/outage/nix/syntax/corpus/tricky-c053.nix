with {}; ''
  a
   ''\n b
  ''$ c ''' d $x
''