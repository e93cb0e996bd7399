def log = new File(basedir, 'build.log').text
assert log.contains('outage audit found 3 problems')
assert log.contains('config/mac.nix:3:28: error: system.activationScripts.firewall is built but never runs')
assert log.contains('config/mac.nix:4:28: error: system.activationScripts.cleanup is built but never runs')
assert log.contains('config/prometheus.yml:1:1: error: Prometheus loads alerting rules but no Alertmanager is configured')
// Exactly one failure: every finding in one MojoFailureException.
assert log.count('[ERROR] Failed to execute goal') == 1
assert new File(basedir, 'target/outage/outage.txt').text.contains('[darwin-activation-script-never-runs]')
assert new File(basedir, 'target/outage/outage.sarif').text.contains('"version" : "2.1.0"')
assert !new File(basedir, 'target/outage/outage.json').exists()
