{ lib, ... }:
{
  system.activationScripts.sshKeys.text = '' # expect: darwin-activation-script-never-runs
    install -d -m 700 /etc/ssh/keys
  '';
}
