import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/reports')
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert new File(reports, 'outage.txt').text.contains('config/mac.nix:3:28: error:')
def json = new JsonSlurper().parse(new File(reports, 'outage.json'))
assert json.tool.name == 'outage'
assert json.summary.error == 3
assert json.findings*.ruleId.toSet() == ['darwin-activation-script-never-runs', 'prometheus-rules-without-alertmanager'] as Set
def sarif = new JsonSlurper().parse(new File(reports, 'outage.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 3
assert new File(reports, 'outage.html').text.startsWith('<!DOCTYPE html>')
