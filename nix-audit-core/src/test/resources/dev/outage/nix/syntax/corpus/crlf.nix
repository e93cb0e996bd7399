let
  a = "x\r\ny";
  b = ''
    one
    two
  '';
in { inherit a b; }
