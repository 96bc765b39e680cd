/*
 * Installed as window.ledger by the browser host before the renderer runs:
 * the browser-side twin of electron/preload. The per-launch token arrives in
 * the URL fragment (never sent to a server or logged), is kept in
 * sessionStorage for reloads and sent as a bearer header.
 */
;(function () {
  var KEY = 'township-ledger-token'
  var match = /[#&]token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match) {
    sessionStorage.setItem(KEY, match[1])
    history.replaceState(null, '', location.pathname + location.search)
  }
  var token = sessionStorage.getItem(KEY) || ''
  var denied = {
    ok: false,
    error: { code: 'unauthorized', message: '本页面没有访问台账的凭据。请使用启动程序时显示的完整链接（含 #token=…）重新打开。' },
  }

  function invoke(name, input) {
    return fetch('./api/invoke/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
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
    fetch('./api/events', { headers: { Authorization: 'Bearer ' + token } })
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
        fetch('./api/upload?name=' + encodeURIComponent(file.name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', Authorization: 'Bearer ' + token },
          body: file,
        }).then(
          function (res) {
            if (res.status === 401 || res.status === 403) return done(denied)
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
    return fetch('./api/download/' + encodeURIComponent(fileId), { headers: { Authorization: 'Bearer ' + token } }).then(
      function (res) {
        if (!res.ok) return { ok: false, error: { code: 'download_failed', message: '下载失败：文件已不存在，请重新生成。' } }
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
