{ pkgs }:
{ environment.etc.foo.text = "x"; environment.etc.foo = { }; environment = 1; }
