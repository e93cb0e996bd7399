rec {
  a = 1;
  b = a + 1;
  c = "${toString b}-${d}";
  d = let e = c; in e;
}
