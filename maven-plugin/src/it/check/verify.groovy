// Runs after the invocations of invoker.properties; basedir is this project's clone under target/it.
import java.nio.file.*

def log = new File(basedir, 'build.log').text
def fail = { String why -> throw new AssertionError(why + '\n--- build.log ---\n' + log) }

// 1. The build generated the first migration and the snapshot where -Ajmigrate.snapshot says.
def migrations = new File(basedir, 'src/main/java/com/example/migrations')
def generated = migrations.list().sort()
if (generated != ['V0001_CreateAuthorAndBook.java']) fail("expected only V0001 in the source tree, found $generated")
def snapshot = new File(basedir, 'db/schema.json')
if (!snapshot.isFile()) fail('no db/schema.json')
if (new File(basedir, 'src/main/resources/jmigrate/schema.json').exists()) fail('the snapshot went to the default place')

// 1./2. The unchanged project passed, reading the snapshot from the build's option.
def passed = log.findAll('jmigrate: the models match the snapshot').size()
if (passed != 2) fail("the check of the unchanged project passed $passed times, not 2")


// 4. After the model change, the check alone failed listing it: add column book.isbn.
def failure = log.indexOf('the models differ from the snapshot')
if (failure < 0) fail('the check did not report the pending change')
if (!log.substring(failure).contains('add column book.isbn')) fail('the check did not list the change')
if (!log.contains('[ERROR] Failed to execute goal io.jmigrate:jmigrate-maven-plugin')) fail('the goal did not fail')
if (log.contains('\tat io.jmigrate') || log.contains('\tat org.apache.maven')) fail('a stack trace was printed')

// Nothing was written: the source tree, the snapshot and the class output are exactly as before the check.
def before = new File(basedir, 'target/before-check').toPath()
def compare = { String what, Path now, Path then ->
  def files = { Path root -> Files.walk(root).filter { Files.isRegularFile(it) }.collect { root.relativize(it).toString() }.sort() }
  def a = files(now), b = files(then)
  if (a != b) fail("$what: files changed: now $a, before $b")
  a.each { if (!Arrays.equals(Files.readAllBytes(now.resolve(it)), Files.readAllBytes(then.resolve(it)))) fail("$what: $it changed") }
}
compare('src', basedir.toPath().resolve('src'), before.resolve('src'))
compare('db', basedir.toPath().resolve('db'), before.resolve('db'))
compare('target/classes', basedir.toPath().resolve('target/classes'), before.resolve('classes'))
if (!new File(basedir, 'src/main/java/com/example/model/Book.java').text.contains('isbn')) fail('the model edit did not happen')
if (snapshot.text.contains('isbn')) fail('the snapshot was written')
return true
