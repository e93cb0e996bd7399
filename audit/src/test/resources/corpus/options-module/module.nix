{ config, lib, ... }:
{
  options.local.activation = {
    enable = lib.mkEnableOption "extra activation, via system.activationScripts.local";
    script = lib.mkOption {
      type = lib.types.lines;
      default = "";
      example = "system.activationScripts.myThing.text = \"echo\";";
      description = ''
        Text appended to system.activationScripts.postActivation. Do not use
        system.activationScripts.local: nix-darwin never runs it. Never run pip install --user here.
      '';
    };
  };
  config = lib.mkIf config.local.activation.enable {
    system.activationScripts.postActivation.text = lib.mkAfter config.local.activation.script;
  };
}
