import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('outage audit found')
['darwin-activation-script-never-runs', 'darwin-activation-deps-unsupported',
 'prometheus-rules-without-alertmanager', 'pip-user-install', 'smtp-password-inline',
 'alertmanager-route-to-silent-receiver'].each { assert log.contains("[$it]") : it }
assert !log.contains('correct-horse')
def json = new JsonSlurper().parse(new File(basedir, 'target/outage/outage.json'))
assert json.summary.error >= 6
