// Runs after the invocations of invoker.properties; basedir is this project's clone under target/it.
def log = new File(basedir, 'build.log').text
def fail = { String why -> throw new AssertionError(why + '\n--- build.log ---\n' + log) }
int at = 0
def expect = { String text ->
  int i = log.indexOf(text, at)
  if (i < 0) fail("expected after position $at: $text")
  at = i + text.length()
}
def migrations = new File(basedir, 'src/main/java/com/example/migrations')
// 2. The model change was generated as V0002.
expect('jmigrate: wrote ' + new File(migrations, 'V0002_AddBookIsbn.java'))
// 3. It was deleted (clean:clean@delete-latest).
expect('Deleting ' + migrations)
int deleted = at
// 4. The plain build compiled, stepped the snapshot back and wrote V0002 again.
int nothing = log.indexOf('Nothing to compile', deleted)
int regenerated = log.indexOf('V0002_AddBookIsbn was deleted', deleted)
if (nothing >= 0 && (regenerated < 0 || nothing < regenerated)) fail('Maven skipped javac after the migration was deleted')
expect('Recompiling the module because of ')
expect('jmigrate: V0002_AddBookIsbn was deleted: the snapshot steps back to V0001_CreateAuthorAndBook')
expect('jmigrate: wrote ' + new File(migrations, 'V0002_AddBookIsbn.java'))
// 5./6. No migration is written again, and the last build has nothing to compile.
if (log.indexOf('jmigrate: wrote', at) >= 0) fail('a later build wrote a migration again')
expect('Recompiling the module')
expect('Nothing to compile - all classes are up to date')
if (migrations.list().sort() != ['V0001_CreateAuthorAndBook.java', 'V0002_AddBookIsbn.java']) fail('migrations: ' + migrations.list().sort())
if (!new File(basedir, 'target/classes/com/example/migrations/V0002_AddBookIsbn.class').isFile()) fail('V0002 was not compiled')
def snapshot = new File(basedir, 'src/main/resources/jmigrate/schema.json').text
if (!snapshot.contains('"class": "com.example.migrations.V0002_AddBookIsbn"')) fail('the snapshot: ' + snapshot)
return true
