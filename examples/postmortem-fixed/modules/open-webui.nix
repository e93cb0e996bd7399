{ config, lib, pkgs, ... }:

let
  # Installs into uv's isolated tool venv and refuses to restart into a venv that cannot import.
  runner = pkgs.writeShellScript "open-webui-runner" ''
    set -eu
    export PATH=/opt/homebrew/bin:$PATH
    if [ ! -x "$HOME/.local/bin/open-webui" ]; then
      uv tool install --python 3.11 open-webui
    fi
    "$HOME/.local/share/uv/tools/open-webui/bin/python" -c 'import open_webui.main, greenlet, sqlalchemy'
    exec "$HOME/.local/bin/open-webui" serve --port 8080
  '';
in
{
  launchd.user.agents.open-webui = {
    serviceConfig = {
      ProgramArguments = [ "${runner}" ];
      KeepAlive = true;
      RunAtLoad = true;
      StandardErrorPath = "/Users/bryan/Library/Logs/open-webui.log";
    };
  };
}
