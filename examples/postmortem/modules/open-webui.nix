{ config, lib, pkgs, ... }:

{
  launchd.user.agents.open-webui = {
    serviceConfig = {
      ProgramArguments = [
        "/bin/sh"
        "-c"
        "/opt/homebrew/bin/pip3 install --user --upgrade open-webui && exec /Users/bryan/.local/bin/open-webui serve --port 8080"
      ];
      KeepAlive = true;
      RunAtLoad = true;
      StandardErrorPath = "/Users/bryan/Library/Logs/open-webui.log";
    };
  };
}
