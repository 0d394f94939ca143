// A small in-house API as teams build them with Feathers 5 (koa transport, in-memory adapter): projects and their
// tasks, paginated as Feathers paginates ({total, limit, skip, data}; $limit, $skip, $sort), errors as Feathers
// words them, a hook that fills in defaults and one that refuses a task without a title. Started by the corpus
// tests (FeathersApi) as: node server.js <port>
const { feathers } = require('@feathersjs/feathers')
const { koa, rest, bodyParser, errorHandler } = require('@feathersjs/koa')
const { MemoryService } = require('@feathersjs/memory')
const { BadRequest } = require('@feathersjs/errors')

const port = Number(process.argv[2])
const app = koa(feathers())
app.use(errorHandler())
// a malformed body is the client's error: refused as Feathers' BadRequest with the parser's message (koa's body
// parser alone would answer 500)
app.use(async (ctx, next) => {
  try {
    await next()
  } catch (error) {
    throw error instanceof SyntaxError ? new BadRequest(error.message) : error
  }
})
app.use(bodyParser())
app.configure(rest())

const paginate = { default: 10, max: 50 }
app.use('projects', new MemoryService({ paginate, startId: 1 }))
app.use('tasks', new MemoryService({ paginate, startId: 1, multi: false }))

app.service('tasks').hooks({
  before: {
    create: [async (context) => {
      if (!context.data.title) {
        throw new BadRequest('A task needs a title', { errors: { title: 'required' } })
      }
      context.data = { done: false, priority: 'normal', tags: [], ...context.data }
    }]
  }
})

// the projects the API holds before any client writes (created as the app's own start-up seeding does)
Promise.all([
  app.service('projects').create({ name: 'Website relaunch', archived: false }),
  app.service('projects').create({ name: 'Billing', archived: true })
]).then(() => app.listen(port, '127.0.0.1'))
  .then(() => console.log(`feathers listening on 127.0.0.1:${port}`))
