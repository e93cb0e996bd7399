{ pkgs }:
{ a = pkgs.hello; a = 2; }
