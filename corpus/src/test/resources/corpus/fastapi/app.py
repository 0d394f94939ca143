"""A small in-house API as teams build them with FastAPI 0.92 (pydantic 1.10; Debian's python3-fastapi, served by
Debian's python3-uvicorn): notes kept in memory, a path per item, 201 creates, pydantic validation errors (422),
PATCH that merges, PUT that replaces, 204 deletes, {"detail": "..."} errors. Started as: python3 app.py <port>"""
import sys
from typing import List, Optional

import uvicorn
from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel, Field

app = FastAPI()
notes = {}
next_id = {'value': 1}


class NoteIn(BaseModel):
    title: str = Field(..., min_length=1)
    body: str = ''
    tags: List[str] = []
    pinned: bool = False


class NotePatch(BaseModel):
    title: Optional[str] = None
    body: Optional[str] = None
    tags: Optional[List[str]] = None
    pinned: Optional[bool] = None


def seed(title, body):
    note = {'id': next_id['value'], 'title': title, 'body': body, 'tags': [], 'pinned': False}
    notes[note['id']] = note
    next_id['value'] += 1


seed('Welcome', 'Notes live here.')


@app.get('/notes')
def list_notes(skip: int = 0, limit: int = 10, pinned: Optional[bool] = None):
    rows = [n for n in notes.values() if pinned is None or n['pinned'] == pinned]
    return rows[skip:skip + limit]


@app.post('/notes', status_code=201)
def create_note(note: NoteIn):
    row = {'id': next_id['value'], **note.dict()}
    notes[row['id']] = row
    next_id['value'] += 1
    return row


@app.get('/notes/{note_id}')
def read_note(note_id: int):
    if note_id not in notes:
        raise HTTPException(status_code=404, detail='Note not found')
    return notes[note_id]


@app.put('/notes/{note_id}')
def replace_note(note_id: int, note: NoteIn):
    if note_id not in notes:
        raise HTTPException(status_code=404, detail='Note not found')
    notes[note_id] = {'id': note_id, **note.dict()}
    return notes[note_id]


@app.patch('/notes/{note_id}')
def patch_note(note_id: int, patch: NotePatch):
    if note_id not in notes:
        raise HTTPException(status_code=404, detail='Note not found')
    notes[note_id].update(patch.dict(exclude_unset=True))
    return notes[note_id]


@app.delete('/notes/{note_id}', status_code=204)
def delete_note(note_id: int):
    if note_id not in notes:
        raise HTTPException(status_code=404, detail='Note not found')
    del notes[note_id]
    return Response(status_code=204)


if __name__ == '__main__':
    uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[1]), log_level='warning')
