/*
 * Installed as window.ledger by the browser host before the renderer runs:
 * the browser-side twin of electron/preload. The one-time launch token arrives
 * in the URL fragment (never sent in a request line or logged); it is dropped
 * from the address at once (so it never lands in the browser's history) and
 * traded once for an HttpOnly, SameSite=Strict cookie that every request
 * then carries. Nothing secret is kept where page scripts can read it.
 */
;(function () {
  var match = /[#&]token=([A-Za-z0-9_-]+)/.exec(location.hash)
  // Leftover of earlier versions, which kept the token in sessionStorage.
  try { sessionStorage.removeItem('township-ledger-token') } catch { /* storage disabled */ }
  var ready = Promise.resolve()
  if (match) {
    var rest = location.hash.replace(/[#&]token=[A-Za-z0-9_-]+/, '').replace(/^&/, '#')
    history.replaceState(null, '', location.pathname + location.search + (rest && rest !== '#' ? rest : ''))
    ready = fetch('./api/session', { method: 'POST', headers: { Authorization: 'Bearer ' + match[1] } }).then(
      function () { return undefined },
      function () { return undefined },
    )
  }
  // A new link pasted into a tab already open on the app changes only the fragment, which loads
  // nothing: load the page again so that the link is traded like a fresh one.
  window.addEventListener('hashchange', function () {
    if (/[#&]token=[A-Za-z0-9_-]+/.test(location.hash)) location.reload()
  })
  var denied = {
    ok: false,
    error: { code: 'unauthorized', message: '本页面没有访问台账的凭据（每个链接只能打开一次）。请使用启动程序的命令窗口里显示的最新链接重新打开。' },
  }
  function send(url, init) {
    return ready.then(function () { return fetch(url, init) })
  }

  function invoke(name, input) {
    return send('./api/invoke/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input === undefined ? {} : input),
    }).then(
      function (res) {
        if (res.status === 401 || res.status === 403) return denied
        return res.json()
      },
      function () {
        return { ok: false, error: { code: 'host_unreachable', message: '连接不到台账程序。请确认启动它的命令窗口仍在运行，然后刷新页面。' } }
      },
    )
  }

  var listeners = new Set()
  var streaming = false
  function stream() {
    if (streaming) return
    streaming = true
    send('./api/events', {})
      .then(function (res) {
        if (!res.ok || !res.body) throw new Error('events ' + res.status)
        var reader = res.body.getReader()
        var decoder = new TextDecoder()
        var buffered = ''
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('events closed')
            buffered += decoder.decode(chunk.value, { stream: true })
            var lines = buffered.split('\n')
            buffered = lines.pop()
            lines.forEach(function (line) {
              if (!line) return
              var event = JSON.parse(line)
              listeners.forEach(function (l) { l(event) })
            })
            return pump()
          })
        }
        return pump()
      })
      .catch(function () {
        streaming = false
        if (listeners.size) setTimeout(stream, 1000)
      })
  }

  function pickFile(options) {
    return new Promise(function (resolve) {
      var input = document.createElement('input')
      input.type = 'file'
      input.accept = (options.extensions || []).map(function (e) { return '.' + e }).join(',')
      input.style.display = 'none'
      document.body.appendChild(input)
      var done = function (value) {
        input.remove()
        resolve(value)
      }
      input.addEventListener('cancel', function () { done({ ok: true, value: null }) })
      input.addEventListener('change', function () {
        var file = input.files && input.files[0]
        if (!file) return done({ ok: true, value: null })
        send('./api/upload?name=' + encodeURIComponent(file.name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: file,
        }).then(
          function (res) {
            if (!res.ok) {
              return res.text().then(function (text) { done({ ok: false, error: { code: 'upload_failed', message: text || '上传失败，请重试。' } }) })
            }
            return res.json().then(done)
          },
          function () { done({ ok: false, error: { code: 'host_unreachable', message: '上传失败：连接不到台账程序。请确认它仍在运行。' } }) },
        )
      })
      input.click()
    })
  }

  function saveFile(fileId, suggestedName) {
    return send('./api/download/' + encodeURIComponent(fileId), {}).then(
      function (res) {
        if (!res.ok) {
          return res.text().then(function (text) {
            return { ok: false, error: { code: 'download_failed', message: '下载失败：' + (text || '文件已不存在，请重新生成。') } }
          })
        }
        return res.blob().then(function (blob) {
          var a = document.createElement('a')
          a.href = URL.createObjectURL(blob)
          a.download = suggestedName
          document.body.appendChild(a)
          a.click()
          a.remove()
          setTimeout(function () { URL.revokeObjectURL(a.href) }, 10000)
          return { ok: true, value: true }
        })
      },
      function () { return { ok: false, error: { code: 'host_unreachable', message: '下载失败：连接不到台账程序。' } } },
    )
  }

  window.ledger = Object.freeze({
    host: 'browser',
    invoke: invoke,
    pickFile: pickFile,
    saveFile: saveFile,
    // The browser's print dialog saves the page as a PDF (destination 「另存为 PDF」).
    savePdf: function () {
      window.print()
      return Promise.resolve({ ok: true, value: false })
    },
    onEvent: function (listener) {
      listeners.add(listener)
      stream()
      return function () { listeners.delete(listener) }
    },
  })
})()
