with {};
{ zeta = 1; alpha = 2; mid.x = 3; mid.y = "a\"b$c\n\t\r\\"; inherit foo; inherit (bar) baz qux; "quoted name" = 4; ${dyn} = 5; "${dyn2}x" = 6; c = a - b; d = -a; e = a < b; f = a > b; g = a <= b; h = a >= b; i = a * b / c; j = a + b + c; k = [ 1 2.5 .5e3 "s" ]; l = x: y; m = { a, b ? 1, ... }@args: a; n = args@{ b, a }: b; o = f x y z; p = if a then b else c; q = assert a; b; r = with a; b; s = let x = 1; inherit y; in x; t = a.b.c or d; u = a ? b.c; v = !a; w = a == b; x = a != b; y = a && b || c -> d; z = a // b ++ c; aa = ./foo/bar; ab = <nixpkgs>; ac = http://example.org/x; ad = "a${b}c"; ae = "${b}"; af = ''
    hello
      ${x} world
  ''; ag = __curPos; ah = ~/foo; ai = ./foo/${x}/bar; aj = 1.0; ak = 100000000.0; al = 1e-7; am = rec { a = 1; }; an = let { body = 1; }; ao = a.${b}.c; aq = a or; }
